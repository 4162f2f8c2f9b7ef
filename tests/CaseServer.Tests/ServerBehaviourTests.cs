using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Cases;
using CaseServer.Cases.Storage;
using CaseServer.Contract;
using CaseServer.Hosting;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CaseServer.Tests;

/// <summary>Storage, failures and logging: what a client does not see directly, but relies on.</summary>
public sealed class ServerBehaviourTests
{
    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteOnly)]
    public async Task The_database_is_created_on_first_run_in_wal_mode_with_full_synchronous_commits()
    {
        using var server = new CaseServerFactory();
        Assert.False(File.Exists(server.DatabasePath));

        var (status, _) = await server.ClientFor().CreateAsync(Requests.Example("none"));

        Assert.Equal(200, status);
        Assert.True(File.Exists(server.DatabasePath));
        var durability = await (server.Services.GetRequiredService<RelationalCaseStore>() is SqliteCaseStore sqlite ? sqlite : throw new InvalidOperationException("not SQLite")).ReadDurabilityAsync(CancellationToken.None);
        Assert.Equal(("wal", 2L), durability); // synchronous: 2 = FULL
    }

    [Fact]
    public void The_default_database_is_data_cases_db_under_the_content_root_and_a_connection_string_overrides_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "content-root");

        var byDefault = CaseServerSettings.Read(Configuration(), new Environment("Development", root));
        var overridden = CaseServerSettings.Read(Configuration(("ConnectionStrings:Cases", "Data Source=elsewhere/my.db")), new Environment("Development", root));

        Assert.Equal(Path.Combine(root, "data", "cases.db"), byDefault.DatabasePath);
        Assert.Equal(Path.Combine(root, "elsewhere", "my.db"), overridden.DatabasePath);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_without_users_the_settings_refuse_to_start(string environment)
    {
        var settings = CaseServerSettings.Read(Configuration(), new Environment(environment, Path.GetTempPath()));

        var problem = Assert.Single(settings.Problems);
        Assert.Contains("No users are configured", problem);
        Assert.Contains("hash-password", problem);
    }

    [Fact]
    public void A_malformed_password_hash_or_limit_refuses_to_start()
    {
        var settings = CaseServerSettings.Read(
            Configuration(("CaseServer:Users:bob:PasswordHash", "changeme"), ("CaseServer:MaxRequestBodyBytes", "lots")),
            new Environment("Development", Path.GetTempPath()));

        Assert.Equal(2, settings.Problems.Count);
        Assert.Contains(settings.Problems, p => p.Contains("CaseServer:Users:bob:PasswordHash", StringComparison.Ordinal));
        Assert.Contains(settings.Problems, p => p.Contains("MaxRequestBodyBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unexpected_exception_is_500_in_kibanas_shape_without_details_and_is_logged()
    {
        using var server = new CaseServerFactory().WithServices(services => services.AddSingleton<ICaseStore>(new FailingStore()));

        var (status, body) = await server.ClientFor().CreateAsync(Requests.Example("none"));

        Assert.Equal(500, status);
        Assert.Equal("""{"statusCode":500,"error":"Internal Server Error","message":"An internal server error occurred."}""", body.GetRawText());
        Assert.True(server.Logs.HasException<IOException>(LogLevel.Error));
    }

    [Fact]
    public async Task Requests_are_logged_at_information_in_development()
    {
        using var server = new CaseServerFactory();

        await server.ClientFor().CreateAsync(Requests.Example("none"));

        Assert.Contains(server.Logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
            && e.Level == LogLevel.Information && e.Message.Contains("/api/cases", StringComparison.Ordinal) && e.Message.Contains("200", StringComparison.Ordinal));
    }

    [Fact]
    public void Versions_are_base64_of_the_sequence_number_and_primary_term()
    {
        Assert.Equal("WzksMV0=", CaseVersion.Of(9));
        Assert.Equal("WzUzMiwxXQ==", CaseVersion.Of(532));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class Environment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CaseServer";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class FailingStore : ICaseStore
    {
        public Task<Case> CreateAsync(Case draft, CancellationToken cancellationToken) => throw Fire();

        public Task<Case?> FindAsync(string id, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<Case>> GetAsync(string id, bool includeComments, CancellationToken cancellationToken) => throw Fire();

        public Task<CasePage> FindCasesAsync(CaseQuery query, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<IReadOnlyList<Case>>> UpdateAsync(IReadOnlyList<CasePatch> patches, WriteStamp stamp, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<int>> DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<Case>> AddCommentAsync(string caseId, string comment, WriteStamp stamp, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<IReadOnlyList<CaseComment>>> GetCommentsAsync(string caseId, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<CaseComment>> GetCommentAsync(string caseId, string commentId, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<Case>> UpdateCommentAsync(string caseId, CommentPatch patch, WriteStamp stamp, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<int>> DeleteCommentAsync(string caseId, string commentId, CancellationToken cancellationToken) => throw Fire();

        public Task<StoreResult<int>> DeleteCommentsAsync(string caseId, CancellationToken cancellationToken) => throw Fire();

        public Task<IReadOnlyList<string>> GetTagsAsync(CancellationToken cancellationToken) => throw Fire();

        public Task<IReadOnlyList<User>> GetReportersAsync(CancellationToken cancellationToken) => throw Fire();

        public Task<StatusCounts> GetStatusCountsAsync(CancellationToken cancellationToken) => throw Fire();

        private static IOException Fire() => new("disk on fire at /secret/path");
    }
}
