using System;
using CaseServer.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CaseServer.Hosting;

/// <summary>
/// When the configuration changes while the server runs (appsettings.json edited), the users are read again and
/// replace the old ones, which forgets every verified credential: a changed or removed password stops working at
/// once rather than when its cache entry expires. A configuration that no longer reads keeps the users as they were.
/// </summary>
public static class UsersFollowConfiguration
{
    /// <summary>Starts following <paramref name="configuration"/>; the returned registration lives as long as the server.</summary>
    public static IDisposable Start(IConfiguration configuration, IHostEnvironment environment, UserDirectory users, ILogger logger)
        => ChangeToken.OnChange(configuration.GetReloadToken, () =>
        {
            var settings = CaseServerSettings.Read(configuration, environment);
            if (settings.Problems.Count > 0)
            {
                logger.LogError("The configuration changed but cannot be read; the users stay as they were: {Problems}", string.Join(" ", settings.Problems));
                return;
            }

            users.ReplaceUsers(settings.Users);
            logger.LogInformation("The configuration changed: {Count} users read again; verified credentials forgotten.", settings.Users.Count);
        });
}
