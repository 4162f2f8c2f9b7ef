namespace CaseServer.Security;

/// <summary>A user who may sign in: the name, the password hash, and what cases record about them.</summary>
/// <param name="Username">The login name (also <c>created_by.username</c>).</param>
/// <param name="Password">The password's hash.</param>
/// <param name="Email"><c>created_by.email</c>; null when not configured.</param>
/// <param name="FullName"><c>created_by.full_name</c>; null when not configured.</param>
public sealed record CaseServerUser(string Username, PasswordHash Password, string? Email, string? FullName);
