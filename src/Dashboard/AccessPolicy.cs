using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace WardTwin.Dashboard;

/// <summary>
/// Who may change state. On loopback only (the default) anyone on the machine may; bound to any other
/// address, every state-changing call needs a bearer token, and tokens carry a role (trainee or instructor).
/// </summary>
public sealed class AccessPolicy(IServer server, IOptions<DashboardOptions> options)
{
    private bool? _loopbackOnly;

    public bool LoopbackOnly => _loopbackOnly ??= (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).All(IsLoopback);

    public void CheckConfiguration()
    {
        if (!LoopbackOnly && (string.IsNullOrEmpty(options.Value.TraineeToken) || string.IsNullOrEmpty(options.Value.InstructorToken)))
        {
            throw new InvalidOperationException("the dashboard is bound beyond loopback: set Dashboard:TraineeToken and Dashboard:InstructorToken");
        }
    }

    /// <summary>null when allowed, else the reason it is not.</summary>
    public string? Refusal(HttpContext context, Role needed)
    {
        if (LoopbackOnly)
        {
            return null;
        }

        string? header = context.Request.Headers.Authorization;
        string? token = header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null;
        var o = options.Value;
        Role? role = token is null ? null
            : Equal(token, o.InstructorToken) ? Role.Instructor
            : Equal(token, o.TraineeToken) ? Role.Trainee
            : null;
        return role is null ? "a valid access token is required (Authorization: Bearer <token>)"
            : role < needed ? $"this needs the {needed.ToString().ToLowerInvariant()} role"
            : null;
    }

    private static bool Equal(string a, string? b) =>
        b is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        // Exactly 127.0.0.1, ::1 or localhost: another 127.x address can be forwarded or shared, so it needs tokens.
        string host = uri.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Loopback) || ip.Equals(IPAddress.IPv6Loopback)));
    }
}

public enum Role
{
    Trainee = 1,
    Instructor = 2,
}
