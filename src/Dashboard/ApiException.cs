namespace WardTwin.Dashboard;

/// <summary>A refused request: 400 (bad input, optionally naming the field), 404 (unknown id) or 409 (state), with the reason.</summary>
public sealed class ApiException(int status, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The request field at fault, reported under problem details' <c>errors</c>.</summary>
    public string? Field { get; } = field;

    public static ApiException Bad(string field, string message) => new(StatusCodes.Status400BadRequest, message, field);
}
