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

    private readonly UserDirectory _users;

    /// <summary>Created by ASP.NET Core's authentication for each request.</summary>
    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
        : base(options, logger, encoder)
        => _users = users;

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!TryDecode(header.AsSpan("Basic ".Length).Trim(), out var username, out var password))
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not base64 of 'user:password' in UTF-8."));
        }

        if (_users.Authenticate(username, password) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown user or wrong password."));
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

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
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
