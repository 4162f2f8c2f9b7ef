using System;
using CaseServer.Cases;
using CaseServer.Cases.Api;
using CaseServer.Cases.Storage;
using CaseServer.Contract;
using CaseServer.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace CaseServer.Hosting;

/// <summary>
/// The server's composition: Kibana's answers around the endpoints generated from schema/cases.openapi.json —
/// Basic authentication, the kbn-xsrf guard, durable storage, Kibana-shaped errors for every failure, the served
/// OpenAPI document and, in Development, the API reference page on it.
/// </summary>
public static class CaseServerApp
{
    /// <summary>Kibana's port: where the server listens unless <c>--urls</c> (or <c>Urls</c>) says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5601";

    /// <summary>The Basic scheme's name in schema/cases.openapi.json (<c>components.securitySchemes</c>).</summary>
    public const string BasicSchemeName = "basicAuth";

    private static IDisposable? s_collectOnSignal;

    /// <summary>Builds the application from the command line's arguments.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // No "Server: Kestrel": nothing for a scanner to match.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Settings are read from the final configuration (the built host's), so that every source counts,
        // including those a test host adds late.
        builder.Services.AddSingleton(services => CaseServerSettings.Read(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(CreateStore);
        builder.Services.AddSingleton<ICaseStore>(services => services.GetRequiredService<RelationalCaseStore>());
        builder.Services.AddSingleton<CasesApiHandlers>();
        builder.Services.AddHostedService<StartupChecks>();

        builder.Services.AddSingleton(KeyDerivations.Pbkdf2);
        builder.Services.AddSingleton(services => new UserDirectory(
            services.GetRequiredService<CaseServerSettings>().Users,
            services.GetRequiredService<CaseServerSettings>().SignInLimits,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<KeyDerivation>(),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<UserDirectory>>()));
        builder.Services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, configureOptions: null);
        // The document declares Basic security on every operation, so the generated endpoints require authorization.
        // With security off (CaseServer:Security:Enabled=false) nobody signs in, and everybody is let through.
        builder.Services.AddAuthorization();
        builder.Services.AddOptions<AuthorizationOptions>().Configure<CaseServerSettings>((options, settings) =>
        {
            if (!settings.SecurityEnabled)
            {
                options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAssertion(static _ => true).Build();
            }
        });
        builder.Services.AddHttpLogging(options =>
        {
            // One line per request, without headers or bodies (they hold credentials and case data).
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });

        var app = builder.Build();
        var settings = app.Services.GetRequiredService<CaseServerSettings>();
        if (settings.SecurityEnabled && settings.Problems.Count == 0)
        {
            // Made now rather than at the first request, so that what it says about weak hashes is said at start-up.
            var users = app.Services.GetRequiredService<UserDirectory>();
            app.Lifetime.ApplicationStopping.Register(UsersFollowConfiguration.Start(
                app.Configuration, app.Environment, users, app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger(typeof(UsersFollowConfiguration).FullName!)).Dispose);
        }

        s_collectOnSignal ??= CollectOnSignal.RegisterIfAsked(app.Environment);
        app.UseMiddleware<ApiResponseHeaders>();
        app.UseHttpLogging();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // The middleware logs the exception; the client learns nothing about it.
            ExceptionHandler = context => KibanaError.InternalServerError().WriteAsync(context.Response, context.RequestAborted),
        });
        app.UseStatusCodePages(context =>
        {
            // Answers without a body (no route: 404, wrong method: 405) get Kibana's error body too.
            var response = context.HttpContext.Response;
            return response.StatusCode is >= 400 and <= 599
                ? new KibanaError(response.StatusCode, KibanaError.ReasonPhrase(response.StatusCode)).WriteAsync(response, context.HttpContext.RequestAborted)
                : System.Threading.Tasks.Task.CompletedTask;
        });

        app.UseRouting();
        app.UseMiddleware<CaseSensitiveRoutes>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<KibanaXsrfMiddleware>();

        app.MapCasesApi<CasesApiHandlers>(new ContractEndpointOptions
        {
            MaxRequestBodyBytes = settings.MaxRequestBodyBytes,
            MaxErrors = settings.MaxErrors,
        });

        // The document as declared (operations, security scheme, kbn-xsrf, schemas), built at build time; anonymous.
        app.MapCasesOpenApi(StartupBanner.OpenApiRoute);
        if (app.Environment.IsDevelopment())
        {
            MapApiReference(app);
        }

        // Once Kestrel has bound its addresses (a port of 0 is known by then), not before.
        var development = app.Environment.IsDevelopment();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Write(Console.Out, app.Urls, development, settings));
        return app;
    }

    /// <summary>
    /// The API reference page (Scalar) on the served OpenAPI document, in Development: its scripts come from the package
    /// itself, and nothing else leaves the machine (no web fonts, telemetry, AI agent or request proxy). The Basic
    /// scheme is preselected with the Development login, so "Test request" works from the page.
    /// </summary>
    private static void MapApiReference(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<CaseServerSettings>();
        var developmentLogin = settings.Users.Count == 1 && settings.Users[0].Username == CaseServerSettings.DevelopmentUsername;
        app.MapScalarApiReference(StartupBanner.ApiReferenceRoute, options =>
        {
            options.WithTitle("CaseServer API reference")
                .WithOpenApiRoutePattern(StartupBanner.OpenApiRoute)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .AddPreferredSecuritySchemes(BasicSchemeName)
                .AddHttpAuthentication(BasicSchemeName, scheme =>
                {
                    if (developmentLogin)
                    {
                        scheme.WithUsername(CaseServerSettings.DevelopmentUsername).WithPassword(CaseServerSettings.DevelopmentPassword);
                    }
                });
        });
    }

    /// <summary>The store <c>CaseServer:Store</c> chooses, on <c>ConnectionStrings:Cases</c>.</summary>
    private static RelationalCaseStore CreateStore(IServiceProvider services)
    {
        var settings = services.GetRequiredService<CaseServerSettings>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return settings.Store == CaseStoreKind.Postgres
            ? new PostgresCaseStore(settings.ConnectionString, loggers.CreateLogger<PostgresCaseStore>())
            : new SqliteCaseStore(settings.ConnectionString, loggers.CreateLogger<SqliteCaseStore>(), settings.GroupCommit);
    }
}
