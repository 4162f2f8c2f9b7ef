using System;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.OpenApi;

/// <summary>
/// The ticket API generated, compiled in memory with a small host (an in-memory store behind the generated
/// handler interface, Basic authentication for the operations that declare security) and served by Kestrel on
/// 127.0.0.1 with a port the system picks; stopped when the tests are done.
/// </summary>
public sealed class TicketServer : IAsyncLifetime
{
    /// <summary>The user the host's Basic authentication accepts.</summary>
    public const string Credentials = "ann:secret";

    private const string Host = """
        namespace Consumer
        {
            using System.Linq;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using TestProject;

            public sealed class TicketStore
            {
                private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Ticket> _tickets = new();
                private long _last;

                public Ticket Add(TicketDraft draft)
                {
                    var id = System.Threading.Interlocked.Increment(ref _last);
                    var ticket = new Ticket { Id = id, Title = draft.Title, Status = TicketStatus.Open, Tags = draft.Tags };
                    _tickets[id] = ticket;
                    return ticket;
                }

                public Ticket? Find(long id) => _tickets.TryGetValue(id, out var ticket) ? ticket : null;

                public bool Replace(long id, Ticket ticket) => _tickets.ContainsKey(id) && (_tickets[id] = ticket) is not null;

                public bool Remove(long id) => _tickets.TryRemove(id, out _);

                public System.Collections.Generic.IEnumerable<Ticket> All => _tickets.Values.OrderBy(t => t.Id);
            }

            // One class handles the whole API: what MapTicketsApi<THandler>() maps.
            public sealed class TicketHandlers(TicketStore store) : ITicketsApiHandler
            {
                public static readonly System.Guid KnownKey = new("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

                public System.Threading.Tasks.ValueTask<FindTicketsResult> FindTicketsAsync(FindTicketsParameters parameters, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                {
                    if (parameters.Owner == "nobody")
                    {
                        return new(FindTicketsResult.BadRequest("No user is called nobody."));
                    }

                    var tickets = store.All
                        .Where(t => parameters.Status is null || t.Status == parameters.Status)
                        .Where(t => parameters.Tags is null || parameters.Tags.All(tag => t.Tags?.Contains(tag) == true))
                        .ToList();
                    return new(FindTicketsResult.Ok(new TicketPage { Page = parameters.Page, Tickets = tickets }));
                }

                public System.Threading.Tasks.ValueTask<CreateTicketResult> CreateTicketAsync(CreateTicketParameters parameters, TicketDraft body, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                {
                    var ticket = store.Add(body);
                    return new(CreateTicketResult.Created(ticket, "/api/tickets/" + ticket.Id));
                }

                public System.Threading.Tasks.ValueTask<GetTicketResult> GetTicketAsync(GetTicketParameters parameters, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                    => new(store.Find(parameters.Id) is { } ticket ? GetTicketResult.Ok(ticket) : GetTicketResult.NotFound("No ticket " + parameters.Id + "."));

                public System.Threading.Tasks.ValueTask<ReplaceTicketResult> ReplaceTicketAsync(ReplaceTicketParameters parameters, TicketDraft body, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                {
                    var ticket = new Ticket { Id = parameters.Id, Title = body.Title, Status = TicketStatus.Open, Tags = body.Tags };
                    return new(store.Replace(parameters.Id, ticket) ? ReplaceTicketResult.Ok(ticket) : ReplaceTicketResult.NotFound());
                }

                public System.Threading.Tasks.ValueTask<DeleteTicketResult> DeleteTicketAsync(DeleteTicketParameters parameters, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                    => new(store.Remove(parameters.Id) ? DeleteTicketResult.NoContent() : DeleteTicketResult.NotFound());

                public System.Threading.Tasks.ValueTask<DeleteTicketsResult> DeleteTicketsAsync(DeleteTicketsParameters parameters, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                {
                    if (parameters.Ids.Any(id => store.Find(id) is null))
                    {
                        return new(DeleteTicketsResult.NotFound("No ticket " + parameters.Ids.First(id => store.Find(id) is null) + "."));
                    }

                    foreach (var id in parameters.Ids)
                    {
                        store.Remove(id);
                    }

                    return new(DeleteTicketsResult.NoContent());
                }

                public System.Threading.Tasks.ValueTask<GetTicketByKeyResult> GetTicketByKeyAsync(GetTicketByKeyParameters parameters, Microsoft.AspNetCore.Http.HttpContext context, System.Threading.CancellationToken cancellationToken)
                    => new(parameters.Key == KnownKey
                        ? GetTicketByKeyResult.Ok(new Ticket { Id = 1, Title = parameters.Key.ToString(), Status = TicketStatus.Closed })
                        : GetTicketByKeyResult.NotFound());
            }

            public sealed class BasicAuthentication(
                Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions> options,
                Microsoft.Extensions.Logging.ILoggerFactory logger,
                System.Text.Encodings.Web.UrlEncoder encoder)
                : Microsoft.AspNetCore.Authentication.AuthenticationHandler<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions>(options, logger, encoder)
            {
                protected override System.Threading.Tasks.Task<Microsoft.AspNetCore.Authentication.AuthenticateResult> HandleAuthenticateAsync()
                {
                    var expected = "Basic " + System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ann:secret"));
                    if (Request.Headers.Authorization.ToString() != expected)
                    {
                        return System.Threading.Tasks.Task.FromResult(Microsoft.AspNetCore.Authentication.AuthenticateResult.NoResult());
                    }

                    var identity = new System.Security.Claims.ClaimsIdentity(new[] { new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "ann") }, Scheme.Name);
                    return System.Threading.Tasks.Task.FromResult(Microsoft.AspNetCore.Authentication.AuthenticateResult.Success(
                        new Microsoft.AspNetCore.Authentication.AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), Scheme.Name)));
                }
            }

            public static class Server
            {
                private static Microsoft.AspNetCore.Builder.WebApplication? s_app;

                public static async System.Threading.Tasks.Task<string> StartAsync()
                {
                    var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
                    builder.WebHost.UseUrls("http://127.0.0.1:0");
                    builder.Services.AddSingleton<TicketStore>();
                    builder.Services.AddScoped<TicketHandlers>();
                    builder.Services.AddAuthentication("Basic").AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicAuthentication>("Basic", null);
                    builder.Services.AddAuthorization();
                    var app = builder.Build();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.MapTicketsApi<TicketHandlers>(new ContractEndpointOptions { MaxRequestBodyBytes = 4096, MaxErrors = 20 });
                    await app.StartAsync();
                    s_app = app;
                    return app.Urls.First();
                }

                public static async System.Threading.Tasks.Task StopAsync()
                {
                    if (s_app is { } app)
                    {
                        await app.StopAsync();
                        await app.DisposeAsync();
                    }
                }
            }
        }
        """;

    private MethodInfo? _stop;

    /// <summary>The client, its base address the server's.</summary>
    public HttpClient Client { get; private set; } = new();

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var result = GeneratorHarness.Run(new ContractGenerator(), TicketApi.Files(), [Host], additionalReferences: TrustedPlatformReferences.AspNetCore);
        result.AssertCompilesWithoutWarnings();
        var server = result.EmitAndLoad().GetType("Consumer.Server", throwOnError: true)!;
        _stop = server.GetMethod("StopAsync");
        var address = await (Task<string>)server.GetMethod("StartAsync")!.Invoke(null, null)!;
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_stop is not null)
        {
            await (Task)_stop.Invoke(null, null)!;
        }
    }
}
