using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CaseServer.Security;

namespace CaseServer.Hosting;

/// <summary>
/// What a person who just ran the server needs, printed once it listens: where, how to sign in (the Development
/// login, when it is the one in use), the API reference page and the OpenAPI document, and a curl to try. Written
/// to standard output, not the log: it is for whoever started the server, whatever the log levels say.
/// </summary>
public static class StartupBanner
{
    /// <summary>The API reference page's route (Development only).</summary>
    public const string ApiReferenceRoute = "/scalar";

    /// <summary>The OpenAPI document's route.</summary>
    public const string OpenApiRoute = "/openapi/v1.json";

    /// <summary>The banner for a server listening at <paramref name="addresses"/>.</summary>
    /// <param name="addresses">Where the server listens (its bound addresses, ports resolved).</param>
    /// <param name="development">Whether it runs in Development (the API reference page is served there only).</param>
    /// <param name="settings">Its settings: whether sign-in is required and by whom.</param>
    public static string Text(IReadOnlyList<string> addresses, bool development, CaseServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(settings);
        var first = addresses.Count == 0 ? CaseServerApp.DefaultUrl : addresses[0].TrimEnd('/');
        var developmentLogin = settings.SecurityEnabled && development
            && settings.Users.Count == 1 && settings.Users[0].Username == CaseServerSettings.DevelopmentUsername;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"CaseServer is listening on {(addresses.Count == 0 ? first : string.Join(", ", addresses))}");
        text.AppendLine(!settings.SecurityEnabled ? "  Sign-in:        none (CaseServer:Security:Enabled is false)"
            : developmentLogin ? $"  Sign-in:        {CaseServerSettings.DevelopmentUsername} / {CaseServerSettings.DevelopmentPassword} (HTTP Basic; the Development login: configure CaseServer:Users elsewhere)"
            : "  Sign-in:        HTTP Basic, a user of CaseServer:Users");
        if (development)
        {
            text.AppendLine($"  API reference:  {first}{ApiReferenceRoute}");
        }

        text.AppendLine($"  OpenAPI:        {first}{OpenApiRoute}");
        var credentials = !settings.SecurityEnabled ? string.Empty : developmentLogin ? $"-u {CaseServerSettings.DevelopmentUsername}:{CaseServerSettings.DevelopmentPassword} " : "-u <user>:<password> ";
        text.AppendLine("  Try it:");
        text.AppendLine($"    curl {credentials}-H '{KibanaXsrfMiddleware.HeaderName}: true' -H 'Content-Type: application/json' {first}/api/cases \\");
        text.AppendLine("      -d '{\"title\":\"Hello\",\"description\":\"My first case\",\"tags\":[],\"connector\":{\"id\":\"none\",\"name\":\"none\",\"type\":\".none\",\"fields\":null},\"settings\":{\"syncAlerts\":false}}'");
        return text.ToString();
    }

    /// <summary>Writes <see cref="Text"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IEnumerable<string> addresses, bool development, CaseServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Text(addresses.ToList(), development, settings));
        output.Flush();
    }
}
