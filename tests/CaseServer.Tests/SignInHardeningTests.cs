using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CaseServer.Security;
using CaseServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// Signing in cannot be turned against the server: a verified credential is not hashed again, failed attempts are
/// limited per address and per name (429), password hashes run a few at a time (503 past the queue), an unknown
/// user costs what a known one does, control characters are refused before hashing.
/// </summary>
public sealed class SignInHardeningTests
{
    [Fact]
    public async Task An_unknown_user_is_checked_with_the_same_pbkdf2_parameters_as_a_known_user_with_a_wrong_password_in_development()
    {
        var derivations = new Derivations();
        using var server = new CaseServerFactory().WithServices(derivations.Register);

        await SignInAsync(server, "elastic", "wrong");
        await SignInAsync(server, "nobody", "wrong");

        var (known, unknown) = (derivations.Calls[0], derivations.Calls[1]);
        Assert.Equal(100_000, known.Iterations);
        Assert.Equal(known.Iterations, unknown.Iterations);
        Assert.Equal(known.SaltLength, unknown.SaltLength);
    }

    [Fact]
    public async Task With_users_of_different_costs_unknown_users_are_checked_at_the_highest_and_the_weaker_hashes_are_named_at_start_up()
    {
        var derivations = new Derivations();
        using var server = new CaseServerFactory().InEnvironment("Production").WithAlice()
            .With("CaseServer:Users:bob:PasswordHash", PasswordHash.Create("bob's password", iterations: 3000))
            .WithServices(derivations.Register);

        await SignInAsync(server, "nobody", "wrong");
        await SignInAsync(server, "bob", "wrong");

        Assert.Equal([3000, 3000], derivations.Calls.Select(c => c.Iterations));
        var warning = Assert.Single(server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(UserDirectory), StringComparison.Ordinal));
        Assert.Contains("'alice'", warning.Message);
        Assert.Contains("1000 iterations", warning.Message);
    }

    [Theory]
    [InlineData("changeme\0")]
    [InlineData("changeme\0\0\0")]
    [InlineData("change\nme")]
    [InlineData("\u007f")]
    public async Task A_password_with_control_characters_is_refused_before_any_hashing(string password)
    {
        var derivations = new Derivations();
        using var server = new CaseServerFactory().WithServices(derivations.Register);

        var status = await SignInAsync(server, "elastic", password);

        Assert.Equal(401, status);
        Assert.Empty(derivations.Calls);
    }

    [Fact]
    public async Task A_user_name_with_a_nul_is_refused_before_any_hashing()
    {
        var derivations = new Derivations();
        using var server = new CaseServerFactory().WithServices(derivations.Register);

        Assert.Equal(401, await SignInAsync(server, "elastic\0", "changeme"));
        Assert.Empty(derivations.Calls);
    }

    [Fact]
    public async Task A_signed_in_client_pays_pbkdf2_once_not_per_request()
    {
        var derivations = new Derivations();
        using var server = new CaseServerFactory().WithServices(derivations.Register);

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await SignInAsync(server, "elastic", "changeme"));
        }

        Assert.All(statuses, s => Assert.Equal(404, s));
        Assert.Single(derivations.Calls);
    }

    [Fact]
    public async Task A_wrong_password_for_a_signed_in_user_is_still_checked_and_refused()
    {
        var derivations = new Derivations();
        using var server = new CaseServerFactory().WithServices(derivations.Register);

        Assert.Equal(404, await SignInAsync(server, "elastic", "changeme"));
        Assert.Equal(401, await SignInAsync(server, "elastic", "changeme2"));
        Assert.Equal(2, derivations.Calls.Count);
    }

    [Fact]
    public async Task Replacing_the_users_forgets_the_verified_credentials()
    {
        using var server = new CaseServerFactory();
        Assert.Equal(404, await SignInAsync(server, "elastic", "changeme"));

        server.Services.GetRequiredService<UserDirectory>().ReplaceUsers(
            [new CaseServerUser("elastic", Parse(PasswordHash.Create("new password", iterations: 1000)), null, null)]);

        Assert.Equal(401, await SignInAsync(server, "elastic", "changeme"));
        Assert.Equal(404, await SignInAsync(server, "elastic", "new password"));
    }

    [Fact]
    public async Task A_password_changed_in_the_configuration_while_running_replaces_the_verified_one_at_once()
    {
        using var server = new CaseServerFactory().WithAlice();
        Assert.Equal(404, await SignInAsync(server, CaseServerFactory.Alice, CaseServerFactory.AlicePassword));

        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)server.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        configuration["CaseServer:Users:alice:PasswordHash"] = PasswordHash.Create("alice's new password", iterations: 1000);
        configuration.Reload();

        Assert.Equal(401, await SignInAsync(server, CaseServerFactory.Alice, CaseServerFactory.AlicePassword));
        Assert.Equal(404, await SignInAsync(server, CaseServerFactory.Alice, "alice's new password"));
    }

    [Fact]
    public async Task Failed_attempts_for_one_user_name_are_limited_with_a_429_in_kibanas_body_and_retry_after()
    {
        using var server = new CaseServerFactory()
            .With("CaseServer:Security:FailedAttempts:PerUsername", "3")
            .With("CaseServer:Security:FailedAttempts:PerAddress", "1000")
            .With("CaseServer:Security:FailedAttempts:WindowSeconds", "600");

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SignInAsync(server, "elastic", "guess" + i));
        }

        var response = await Client(server, "elastic", "changeme").GetAsync("/api/cases/unknown");
        var (status, body) = await response.ReadAsync();

        Assert.Equal([401, 401, 401], statuses);
        Assert.Equal(429, status);
        Assert.Equal("Too Many Requests", body.GetProperty("error").GetString());
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        // Another name from the same address is not held back by elastic's limit.
        Assert.Equal(401, await SignInAsync(server, "someone", "else"));
    }

    [Fact]
    public async Task Failed_attempts_from_one_address_are_limited_whatever_the_names()
    {
        using var server = new CaseServerFactory()
            .With("CaseServer:Security:FailedAttempts:PerAddress", "4")
            .With("CaseServer:Security:FailedAttempts:WindowSeconds", "600");

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await SignInAsync(server, "user" + i, "guess"));
        }

        Assert.Equal([401, 401, 401, 401, 429, 429], statuses);
    }

    [Fact]
    public async Task A_client_whose_credentials_are_verified_is_served_while_its_address_is_refused()
    {
        using var server = new CaseServerFactory()
            .With("CaseServer:Security:FailedAttempts:PerAddress", "2")
            .With("CaseServer:Security:FailedAttempts:WindowSeconds", "600");
        Assert.Equal(404, await SignInAsync(server, "elastic", "changeme"));

        await SignInAsync(server, "x", "y");
        await SignInAsync(server, "x", "y");
        Assert.Equal(429, await SignInAsync(server, "x", "y"));

        Assert.Equal(404, await SignInAsync(server, "elastic", "changeme"));
    }

    [Fact]
    public async Task Past_the_hashing_slots_and_queue_a_sign_in_is_refused_at_once_with_503()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new SemaphoreSlim(0);
        using var server = new CaseServerFactory()
            .With("CaseServer:Security:PasswordHashing:MaxConcurrency", "1")
            .With("CaseServer:Security:PasswordHashing:QueueLimit", "0")
            .WithServices(services => services.AddSingleton<KeyDerivation>((password, salt, iterations, length) =>
            {
                entered.Release();
                release.Wait(TimeSpan.FromSeconds(30));
                return KeyDerivations.Pbkdf2(password, salt, 1, length);
            }));

        var blocked = SignInAsync(server, "elastic", "wrong");
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(30)));

        var response = await Client(server, "nobody", "x").GetAsync("/api/cases/unknown");
        var (status, body) = await response.ReadAsync();
        release.Set();

        Assert.Equal(503, status);
        Assert.Equal("Service Unavailable", body.GetProperty("error").GetString());
        Assert.Equal(["1"], response.Headers.GetValues("Retry-After"));
        Assert.Equal(401, await blocked);
    }

    [Fact]
    public async Task Under_a_flood_of_unknown_users_a_signed_in_client_gets_its_real_answers_and_attackers_only_401_429_or_503()
    {
        // Real PBKDF2 (at the Development user's 100,000 iterations); TestServer gives every client the same
        // address, so the signed-in client shares the attackers' address.
        using var server = new CaseServerFactory();
        Assert.Equal(404, await SignInAsync(server, "elastic", "changeme"));

        var attackerStatuses = new ConcurrentBag<int>();
        var legitimateStatuses = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var attackers = Enumerable.Range(0, 32).Select(a => Task.Run(async () =>
        {
            var client = Client(server, "attacker" + a, "guess");
            for (var i = 0; i < 200 && !stop.IsCancellationRequested; i++)
            {
                attackerStatuses.Add((int)(await client.GetAsync("/api/cases/x")).StatusCode);
            }
        })).ToList();
        var legitimate = Task.Run(async () =>
        {
            var client = Client(server, "elastic", "changeme");
            for (var i = 0; i < 20 && !stop.IsCancellationRequested; i++)
            {
                legitimateStatuses.Add((int)(await client.GetAsync("/api/cases/unknown")).StatusCode);
                await Task.Delay(50);
            }
        });
        await Task.WhenAll(attackers.Append(legitimate));

        Assert.NotEmpty(legitimateStatuses);
        Assert.All(legitimateStatuses, s => Assert.Equal(404, s));
        Assert.Subset(new HashSet<int> { 401, 429, 503 }, attackerStatuses.ToHashSet());
        Assert.Contains(429, attackerStatuses);
    }

    private static PasswordHash Parse(string text)
    {
        Assert.True(PasswordHash.TryParse(text, out var hash, out _));
        return hash!;
    }

    private static HttpClient Client(CaseServerFactory server, string username, string password)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
        return client;
    }

    // 404: signed in (the case does not exist); 401: not.
    private static async Task<int> SignInAsync(CaseServerFactory server, string username, string password)
        => (int)(await Client(server, username, password).GetAsync("/api/cases/unknown")).StatusCode;

    /// <summary>Records the parameters of every key derivation, then derives as the server does.</summary>
    private sealed class Derivations
    {
        private readonly List<(int Iterations, int SaltLength)> _calls = new();

        public IReadOnlyList<(int Iterations, int SaltLength)> Calls
        {
            get
            {
                lock (_calls)
                {
                    return _calls.ToList();
                }
            }
        }

        public void Register(IServiceCollection services) => services.AddSingleton<KeyDerivation>((password, salt, iterations, length) =>
        {
            lock (_calls)
            {
                _calls.Add((iterations, salt.Length));
            }

            return KeyDerivations.Pbkdf2(password, salt, iterations, length);
        });
    }
}
