using MailAssist.Api;
using Microsoft.AspNetCore.Http;

namespace MailAssist.Tests.Hosting;

public sealed class JsonBodyTests
{
    private sealed class BrokenBody(int statusCode) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new BadHttpRequestException("Unexpected end of request content.", statusCode);
    }

    private static Task<JsonBodyResult> ReadAsync(Stream body) =>
        JsonBody.ReadAsync(new DefaultHttpContext { Request = { Body = body } }.Request, 1024, CancellationToken.None);

    [Test]
    public async Task Body_cut_off_by_the_client_is_bad_input()
    {
        var result = await ReadAsync(new BrokenBody(StatusCodes.Status400BadRequest));

        Assert.That(result.IsTooLarge, Is.False);
        Assert.That(result.Error, Does.Contain("avbrutt"));
    }

    [Test]
    public async Task Body_over_the_server_limit_is_too_large()
    {
        var result = await ReadAsync(new BrokenBody(StatusCodes.Status413PayloadTooLarge));

        Assert.That(result.IsTooLarge, Is.True);
    }

    [Test]
    public async Task Whole_body_is_read_as_json()
    {
        var result = await ReadAsync(new MemoryStream("""{"subject":"Hei"}"""u8.ToArray()));

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Json.GetProperty("subject").GetString(), Is.EqualTo("Hei"));
    }
}
