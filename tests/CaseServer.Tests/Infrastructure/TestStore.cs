using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseServer.Tests.Infrastructure;

/// <summary>
/// The store the server-level tests run against: SQLite by default, PostgreSQL when the environment variable
/// <c>CASESERVER_TEST_STORE</c> is <c>postgres</c> (<c>build/test.sh</c> runs the CaseServer suite once for each).
/// The tests name a database by a SQLite file path, as a user does; on PostgreSQL the same path names the same
/// database of one throwaway cluster (so a test that restarts the server on "its file" finds its data again).
/// Tests about SQLite itself (its files, its pragmas) carry the trait <c>Store=SqliteOnly</c>, and test classes that
/// choose their store themselves <c>Store=ChoosesItsOwn</c>; the PostgreSQL run leaves both out.
/// </summary>
public static class TestStore
{
    /// <summary>The trait name that marks store-specific tests.</summary>
    public const string Trait = "Store";

    /// <summary>The trait value of tests about SQLite's own files and settings.</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>The trait value of test classes that choose their store themselves (store-level tests run against each).</summary>
    public const string ChoosesItsOwn = "ChoosesItsOwn";

    private static readonly Lazy<Task<PostgresCluster>> s_cluster = new(StartClusterAsync);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> s_databases = new(StringComparer.Ordinal);

    /// <summary>True when this run's server tests use PostgreSQL.</summary>
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CASESERVER_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration that points a server at the database named by <paramref name="databasePath"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettingsAsync(string databasePath)
    {
        if (!IsPostgres)
        {
            return new Dictionary<string, string> { ["ConnectionStrings:Cases"] = "Data Source=" + databasePath };
        }

        var connectionString = await s_databases.GetOrAdd(databasePath, _ => new Lazy<Task<string>>(CreateDatabaseAsync)).Value;
        return new Dictionary<string, string> { ["CaseServer:Store"] = "postgres", ["ConnectionStrings:Cases"] = connectionString };
    }

    /// <summary>
    /// Reads the database named by <paramref name="databasePath"/> directly, as a fresh reader would after a crash:
    /// its cases and distinct ids, and (SQLite) <c>PRAGMA integrity_check</c> or (PostgreSQL) <c>ok</c>.
    /// </summary>
    public static async Task<(string Integrity, long Rows, long DistinctIds)> InspectCasesAsync(string databasePath)
    {
        var settings = await SettingsAsync(databasePath);
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(settings["ConnectionStrings:Cases"])
            : new SqliteConnection(settings["ConnectionStrings:Cases"] + ";Pooling=False");
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            var integrity = "ok";
            if (!IsPostgres)
            {
                command.CommandText = "PRAGMA integrity_check;";
                integrity = (string)(await command.ExecuteScalarAsync())!;
            }

            command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT id) FROM cases;";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (integrity, reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    private static async Task<string> CreateDatabaseAsync() => await (await s_cluster.Value).CreateDatabaseAsync();

    private static async Task<PostgresCluster> StartClusterAsync()
    {
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        // One cluster for the whole run, stopped and removed when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().GetAwaiter().GetResult();
        return cluster;
    }
}
