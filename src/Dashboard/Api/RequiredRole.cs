namespace WardTwin.Dashboard.Api;

/// <summary>Endpoint metadata: the call changes state and needs this role (checked before the body is read).</summary>
public sealed record RequiredRole(Role Role);
