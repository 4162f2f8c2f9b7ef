using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CaseServer.Contract;
using CaseServer.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CaseServer.Hosting;

/// <summary>
/// The server's configuration (README "Configuration"), read once at start-up without reflection, with
/// every problem collected: a server that would run insecurely or half-configured refuses to start instead.
/// </summary>
public sealed class CaseServerSettings
{
    /// <summary>The configuration section of the server's own settings.</summary>
    public const string Section = "CaseServer";

    /// <summary>The connection string name of the case database.</summary>
    public const string ConnectionStringName = "Cases";

    /// <summary>The Development default user's name.</summary>
    public const string DevelopmentUsername = "elastic";

    /// <summary>The Development default user's password (Kibana's and Elasticsearch's historical default).</summary>
    public const string DevelopmentPassword = "changeme";

    // "changeme", the Development default password (Kibana's and Elasticsearch's historical default), hashed
    // once with hash-password so that no plain password sits in the code. Fewer iterations than new hashes
    // get: the password is public anyway.
    private const string DevelopmentPasswordHash = "PBKDF2-SHA256$100000$5O6zc7zKVN3DxxRiQHFscA==$xV96HtPB3AqF0ZM3KnEotLW2NlPeuJxBmG3xIofbnH8=";

    private CaseServerSettings(bool securityEnabled, IReadOnlyList<CaseServerUser> users, SignInLimits signInLimits, long maxRequestBodyBytes, int maxErrors, CaseStoreKind store, bool groupCommit, string connectionString, string databasePath, IReadOnlyList<string> problems)
    {
        Store = store;
        GroupCommit = groupCommit;
        SecurityEnabled = securityEnabled;
        SignInLimits = signInLimits;
        Users = users;
        MaxRequestBodyBytes = maxRequestBodyBytes;
        MaxErrors = maxErrors;
        ConnectionString = connectionString;
        DatabasePath = databasePath;
        Problems = problems;
    }

    /// <summary><c>CaseServer:Security:Enabled</c> (default true): HTTP Basic authentication against <see cref="Users"/>.</summary>
    public bool SecurityEnabled { get; }

    /// <summary><c>CaseServer:Users:&lt;name&gt;</c>: who may sign in (in Development, <c>elastic</c>/<c>changeme</c> when none is configured).</summary>
    public IReadOnlyList<CaseServerUser> Users { get; }

    /// <summary><c>CaseServer:Security:…</c>: what signing in may cost the server (docs/security.md).</summary>
    public SignInLimits SignInLimits { get; }

    /// <summary><c>CaseServer:MaxRequestBodyBytes</c> (default 1 MiB, Kibana's <c>server.maxPayload</c>).</summary>
    public long MaxRequestBodyBytes { get; }

    /// <summary><c>CaseServer:MaxErrors</c> (default 100): the most schema errors a 400 reports.</summary>
    public int MaxErrors { get; }

    /// <summary><c>CaseServer:Store</c>: <c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public CaseStoreKind Store { get; }

    /// <summary>
    /// <c>CaseServer:GroupCommit</c> (default true): SQLite commits the writes waiting at the same moment in one
    /// transaction and one fsync; false: one commit per write. (Not under <c>CaseServer:Store</c>, which holds
    /// a value: a JSON settings file could not give that key children.)
    /// </summary>
    public bool GroupCommit { get; }

    /// <summary>
    /// <c>ConnectionStrings:Cases</c>, the store's connection string: for SQLite, default
    /// <c>Data Source=data/cases.db</c> under the content root; for PostgreSQL, required (Npgsql's syntax).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite database file the connection string names (its folder is created at start-up); empty for PostgreSQL.</summary>
    public string DatabasePath { get; }

    /// <summary>Why the server must not start; empty when it may.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads the settings of <paramref name="configuration"/> for <paramref name="environment"/>.</summary>
    public static CaseServerSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        var section = configuration.GetSection(Section);

        var securityEnabled = ReadBoolean(section, "Security:Enabled", defaultValue: true, problems);
        var users = ReadUsers(section.GetSection("Users"), problems);
        if (securityEnabled && users.Count == 0)
        {
            if (environment.IsDevelopment())
            {
                PasswordHash.TryParse(DevelopmentPasswordHash, out var password, out _);
                users.Add(new CaseServerUser(DevelopmentUsername, password!, Email: null, FullName: null));
            }
            else
            {
                problems.Add($"No users are configured and security is enabled, so nobody could sign in. Add users under '{Section}:Users:<name>:PasswordHash' "
                    + "(make a hash with: dotnet run --project samples/CaseServer -- hash-password), or set "
                    + $"'{Section}:Security:Enabled=false' to run without authentication. (Environment: {environment.EnvironmentName}; "
                    + "the default user elastic/changeme exists only in Development.)");
            }
        }

        var maxBytes = ContractEndpointOptions.DefaultMaxRequestBodyBytes;
        if (section["MaxRequestBodyBytes"] is { } limit
            && (!long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out maxBytes) || maxBytes <= 0))
        {
            problems.Add($"'{Section}:MaxRequestBodyBytes' must be a positive number of bytes, not '{limit}'.");
            maxBytes = ContractEndpointOptions.DefaultMaxRequestBodyBytes;
        }

        var maxErrors = ReadCount(section, "MaxErrors", ContractEndpointOptions.DefaultMaxErrors, minimum: 1, problems);
        var limits = ReadSignInLimits(section.GetSection("Security"), problems);
        var store = ReadStore(section, problems);
        var groupCommit = ReadBoolean(section, "GroupCommit", defaultValue: true, problems);
        var (connectionString, databasePath) = store == CaseStoreKind.Postgres
            ? (ReadPostgres(configuration, problems), string.Empty)
            : ReadDatabase(configuration, environment.ContentRootPath, problems);
        return new CaseServerSettings(securityEnabled, users, limits, maxBytes, maxErrors, store, groupCommit, connectionString, databasePath, problems);
    }

    private static SignInLimits ReadSignInLimits(IConfigurationSection security, List<string> problems)
    {
        var defaults = SignInLimits.Default;
        return new SignInLimits(
            TimeSpan.FromSeconds(ReadCount(security, "CredentialCache:LifetimeSeconds", (int)defaults.CredentialLifetime.TotalSeconds, minimum: 0, problems)),
            ReadCount(security, "CredentialCache:MaxEntries", defaults.CredentialCacheEntries, minimum: 0, problems),
            ReadCount(security, "PasswordHashing:MaxConcurrency", defaults.HashingConcurrency, minimum: 1, problems),
            ReadCount(security, "PasswordHashing:QueueLimit", defaults.HashingQueue, minimum: 0, problems),
            ReadCount(security, "FailedAttempts:PerAddress", defaults.FailedAttemptsPerAddress, minimum: 1, problems),
            ReadCount(security, "FailedAttempts:PerUsername", defaults.FailedAttemptsPerUsername, minimum: 1, problems),
            TimeSpan.FromSeconds(ReadCount(security, "FailedAttempts:WindowSeconds", (int)defaults.FailedAttemptsWindow.TotalSeconds, minimum: 1, problems)));
    }

    private static int ReadCount(IConfigurationSection section, string key, int defaultValue, int minimum, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        problems.Add($"'{section.Path}:{key}' must be a whole number of at least {minimum}, not '{text}'.");
        return defaultValue;
    }

    private static List<CaseServerUser> ReadUsers(IConfigurationSection users, List<string> problems)
    {
        var result = new List<CaseServerUser>();
        foreach (var user in users.GetChildren())
        {
            var hashText = user["PasswordHash"];
            if (string.IsNullOrEmpty(hashText))
            {
                problems.Add($"User '{user.Key}' has no '{user.Path}:PasswordHash'.");
                continue;
            }

            if (!PasswordHash.TryParse(hashText, out var hash, out var problem))
            {
                problems.Add($"'{user.Path}:PasswordHash' is not a password hash: {problem}.");
                continue;
            }

            if (user.Key.Contains(':', StringComparison.Ordinal))
            {
                problems.Add($"User name '{user.Key}' contains ':', which HTTP Basic authentication cannot carry.");
                continue;
            }

            result.Add(new CaseServerUser(user.Key, hash!, NullIfEmpty(user["Email"]), NullIfEmpty(user["FullName"])));
        }

        return result;
    }

    private static CaseStoreKind ReadStore(IConfigurationSection section, List<string> problems)
    {
        switch (section["Store"])
        {
            case null or "" or "sqlite":
                return CaseStoreKind.Sqlite;
            case "postgres":
                return CaseStoreKind.Postgres;
            case var other:
                problems.Add($"'{Section}:Store' must be 'sqlite' or 'postgres', not '{other}'.");
                return CaseStoreKind.Sqlite;
        }
    }

    private static string ReadPostgres(IConfiguration configuration, List<string> problems)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            problems.Add($"'{Section}:Store' is 'postgres' but 'ConnectionStrings:{ConnectionStringName}' is not set: give the PostgreSQL connection string "
                + "(e.g. Host=127.0.0.1;Port=5432;Database=cases;Username=caseserver;Password=...).");
            return string.Empty;
        }

        try
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(configured).ConnectionString;
        }
        catch (ArgumentException e)
        {
            problems.Add($"'ConnectionStrings:{ConnectionStringName}' is not a PostgreSQL connection string: {e.Message}");
            return string.Empty;
        }
    }

    private static (string ConnectionString, string DatabasePath) ReadDatabase(IConfiguration configuration, string contentRoot, List<string> problems)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder();
        try
        {
            builder.ConnectionString = string.IsNullOrWhiteSpace(configured) ? "Data Source=data/cases.db" : configured;
        }
        catch (ArgumentException e)
        {
            problems.Add($"'ConnectionStrings:{ConnectionStringName}' is not a SQLite connection string: {e.Message}");
            builder.ConnectionString = "Data Source=data/cases.db";
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            problems.Add($"'ConnectionStrings:{ConnectionStringName}' must name a database file: cases must survive a restart.");
        }

        // A relative file is under the content root, wherever the server is started from.
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        builder.Pooling = true;
        return (builder.ConnectionString, builder.DataSource);
    }

    private static bool ReadBoolean(IConfigurationSection section, string key, bool defaultValue, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"'{Section}:{key}' must be true or false, not '{text}'.");
        return defaultValue;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

/// <summary>Where cases are stored (<c>CaseServer:Store</c>).</summary>
public enum CaseStoreKind
{
    /// <summary><c>sqlite</c>: one file on this machine (the default).</summary>
    Sqlite,

    /// <summary><c>postgres</c>: a PostgreSQL database several hosts can share.</summary>
    Postgres,
}
