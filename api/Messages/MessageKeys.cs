using System.Security.Cryptography;
using System.Text;
using MailAssist.Api.Privacy;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Messages;

/// <summary>Identifies a message by a keyed hash of its Internet message id, so the id itself is never stored.</summary>
public sealed class MessageKeys(IOptions<PrivacyOptions> options)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.MessageKeySecret);

    public byte[] For(Guid mailboxId, string internetMessageId) =>
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{mailboxId:N}\n{internetMessageId.Trim()}"));
}
