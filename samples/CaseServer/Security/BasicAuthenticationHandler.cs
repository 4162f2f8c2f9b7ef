using System;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using CaseServer.Contract;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CaseServer.Security;

/// <summary>
/// HTTP Basic authentication against the <see cref="UserDirectory"/>, as Kibana accepts it. Challenges answer
/// 401 with Kibana's error body and a <c>WWW-Authenticate</c> header.
/// </summary>
public sealed class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    /// <summary>The authentication scheme's name.</summary>
    public const string SchemeName = "Basic";

    /// <summary>Claim type of the user's email address.</summary>
    public const string EmailClaim = ClaimTypes.Email;

    /// <summary>Claim type of the user's full name.</summary>
    public const string FullNameClaim = "full_name";

    // Credentials that are not UTF-8 are refused, not decoded with replacement characters.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Where a sign-in refused before checking (429, 503) waits for the challenge to answer it.
    private static readonly object RefusalKey = new();

    private readonly UserDirectory _users;

    /// <summary>Created by ASP.NET Core's authentication for each request.</summary>
    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
        : base(options, logger, encoder)
        => _users = users;

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!TryDecode(header.AsSpan("Basic ".Length).Trim(), out var username, out var password))
        {
            return AuthenticateResult.Fail("The Basic credentials are not base64 of 'user:password' in UTF-8.");
        }

        var result = await _users.AuthenticateAsync(username, password, Context.Connection.RemoteIpAddress, Context.RequestAborted).ConfigureAwait(false);
        if (result.RefusedStatus is { } status)
        {
            // The challenge answers this instead of 401: the credentials were not checked.
            Context.Items[RefusalKey] = result;
            return AuthenticateResult.Fail(status == 429 ? "Too many failed sign-ins." : "Too many sign-ins being checked.");
        }

        if (result.User is not { } user)
        {
            return AuthenticateResult.Fail("Unknown user or wrong password.");
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Username));
        if (user.Email is not null)
        {
            identity.AddClaim(new Claim(EmailClaim, user.Email));
        }

        if (user.FullName is not null)
        {
            identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RefusalKey] is SignInResult { RefusedStatus: { } status } refusal)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
            Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = status == 429
                ? "Too many failed sign-in attempts; try again later."
                : "The server is busy checking other sign-ins; try again later.";
            return new KibanaError(status, message).WriteAsync(Response, Context.RequestAborted);
        }

        Response.Headers[HeaderNames.WWWAuthenticate] = "Basic realm=\"kibana\", charset=\"UTF-8\"";
        return KibanaError.Unauthorized().WriteAsync(Response, Context.RequestAborted);
    }

    /// <inheritdoc/>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => KibanaError.Forbidden().WriteAsync(Response, Context.RequestAborted);

    private static bool TryDecode(ReadOnlySpan<char> encoded, out string username, out string password)
    {
        username = password = string.Empty;
        var bytes = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return false;
        }

        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        username = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }
}
