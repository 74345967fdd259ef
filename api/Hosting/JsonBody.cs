using System.Text.Json;

namespace MailAssist.Api;

/// <summary>Reads a request body as JSON within a size limit, telling an over-long body from a malformed one.</summary>
public static class JsonBody
{
    public static async Task<JsonBodyResult> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return JsonBodyResult.TooLarge;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) return JsonBodyResult.TooLarge;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // The server's own body limit, or a client that went away mid-body: bad input, not a fault of ours.
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? JsonBodyResult.TooLarge
                : new JsonBodyResult(default, "Forespørselen ble avbrutt før hele meldingen var mottatt.", false);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return new JsonBodyResult(document.RootElement.Clone(), null, false);
        }
        catch (JsonException e)
        {
            return new JsonBodyResult(default, $"Ugyldig JSON (linje {e.LineNumber + 1}, posisjon {e.BytePositionInLine + 1}).", false);
        }
    }
}

public sealed record JsonBodyResult(JsonElement Json, string? Error, bool IsTooLarge)
{
    public static JsonBodyResult TooLarge { get; } = new(default, null, true);
}
