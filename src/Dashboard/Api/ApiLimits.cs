namespace WardTwin.Dashboard.Api;

/// <summary>Bounds on what a request may carry.</summary>
public static class ApiLimits
{
    /// <summary>Largest request body, however it is framed (Kestrel counts chunked bodies as they arrive).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Grain keys from the URL: a bounded set of characters, so nothing odd reaches a grain.</summary>
    public static string Id(string id, string what) =>
        id.Length is > 0 and <= 80 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? id
            : throw new ApiException(400, $"'{id}' is not a valid id", what);
}
