using System.Text.Json;
using System.Text.Json.Nodes;

namespace WardTwin.Dashboard;

/// <summary>Reads request bodies by hand, so every garbage payload gets a 400 naming the field, never a 500.</summary>
public static class Requests
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<JsonObject> Body(HttpRequest request)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            throw new ApiException(413, "body too large (over 64 KiB)");
        }

        // Read at most the limit whatever the framing: a chunked body has no length to check beforehand.
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new ApiException(413, "body too large (over 64 KiB)");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        try
        {
            return await JsonNode.ParseAsync(buffer) as JsonObject ?? throw ApiException.Bad("body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw ApiException.Bad($"body is not valid JSON: {ex.Message.Split(" Path:", 2)[0]}");
        }
    }

    public static double Number(JsonObject body, string field, double? fallback = null, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var node = body[field];
        if (node is null)
        {
            return fallback ?? throw ApiException.Bad($"{field}: missing");
        }

        double value;
        try
        {
            value = node.GetValue<double>();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw ApiException.Bad($"{field}: must be a number");
        }

        return double.IsFinite(value) && value >= min && value <= max ? value : throw ApiException.Bad($"{field}: {value} is outside {min}..{max}");
    }

    public static int WholeNumber(JsonObject body, string field, int? fallback = null, int min = int.MinValue, int max = int.MaxValue)
    {
        double v = Number(body, field, fallback, min, max);
        return v == Math.Floor(v) ? (int)v : throw ApiException.Bad($"{field}: must be a whole number");
    }

    public static string Text(JsonObject body, string field, string? fallback = null)
    {
        var node = body[field];
        if (node is null)
        {
            return fallback ?? throw ApiException.Bad($"{field}: missing");
        }

        try
        {
            string s = node.GetValue<string>();
            return s.Length is > 0 and <= 200 ? s : throw ApiException.Bad($"{field}: must be 1-200 characters");
        }
        catch (InvalidOperationException)
        {
            throw ApiException.Bad($"{field}: must be a string");
        }
    }

    public static bool Flag(JsonObject body, string field)
    {
        var node = body[field];
        try
        {
            return node is not null && node.GetValue<bool>();
        }
        catch (InvalidOperationException)
        {
            throw ApiException.Bad($"{field}: must be true or false");
        }
    }

    /// <summary>Grain keys from the URL: a bounded set of characters, so nothing odd reaches a grain.</summary>
    public static string Id(string id, string what) =>
        id.Length is > 0 and <= 80 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? id
            : throw ApiException.Bad($"{what}: '{id}' is not a valid id");
}
