using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using CaseServer.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseServer.Tests.Infrastructure;

/// <summary>
/// The server in memory (WebApplicationFactory), on its own temporary database (a SQLite file, or a PostgreSQL
/// database: <see cref="TestStore"/>), configured the way a test needs it: environment, settings, replaced services. Disposing it deletes the database.
/// </summary>
public sealed class CaseServerFactory : WebApplicationFactory<Program>
{
    /// <summary>A configured user: <c>alice</c> / <see cref="AlicePassword"/>, with email and full name.</summary>
    public const string Alice = "alice";

    /// <summary>Alice's password.</summary>
    public const string AlicePassword = "correct horse battery staple";

    // Few iterations: the tests check the logic, not the cost.
    private static readonly string s_aliceHash = PasswordHash.Create(AlicePassword, iterations: 1000);

    private readonly TemporaryDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = new();
    private string _environment = "Development";

    /// <summary>A server in Development, with the default user <c>elastic</c>/<c>changeme</c>.</summary>
    public CaseServerFactory()
    {
        DatabasePath = _directory.File("cases.db");
        foreach (var (key, value) in TestStore.SettingsAsync(DatabasePath).GetAwaiter().GetResult())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The database file of this server (on PostgreSQL, the name <see cref="TestStore"/> maps to its database).</summary>
    public string DatabasePath { get; }

    /// <summary>What the server logged, for tests that check logging.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Sets a configuration value (<c>CaseServer:Security:Enabled</c>…).</summary>
    public CaseServerFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Configures the user <see cref="Alice"/> (email and full name set).</summary>
    public CaseServerFactory WithAlice()
        => With("CaseServer:Users:alice:PasswordHash", s_aliceHash)
            .With("CaseServer:Users:alice:Email", "alice@example.com")
            .With("CaseServer:Users:alice:FullName", "Alice Example");

    /// <summary>Runs the server in <paramref name="environment"/>.</summary>
    public CaseServerFactory InEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>Changes the server's services (a failing store…).</summary>
    public CaseServerFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>A client that signs in as <paramref name="username"/>; anonymous when null.</summary>
    public HttpClient ClientFor(string? username = "elastic", string? password = null)
    {
        var client = CreateClient();
        if (username is not null)
        {
            password ??= username == Alice ? AlicePassword : "changeme";
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
        }

        return client;
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _directory.Dispose();
    }
}
