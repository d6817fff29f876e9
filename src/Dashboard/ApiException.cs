namespace WardTwin.Dashboard;

/// <summary>A refused request: 400 (bad input), 401/403 (access), 404 (unknown id) or 409 (state), with the reason.</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiException Bad(string message) => new(StatusCodes.Status400BadRequest, message);
}
