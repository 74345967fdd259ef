using System.ComponentModel.DataAnnotations;

namespace MailAssist.Api.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// The secret that keys the hash identifying a message. Every instance of one deployment must
    /// share it; changing it makes earlier messages unrecognisable.
    /// </summary>
    [Required, MinLength(32, ErrorMessage = "Privacy:MessageKeySecret must be at least 32 characters.")]
    public string MessageKeySecret { get; set; } = "";

    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
