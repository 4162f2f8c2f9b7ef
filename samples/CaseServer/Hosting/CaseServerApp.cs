using System;
using CaseServer.Cases;
using CaseServer.Cases.Storage;
using CaseServer.Contract;
using CaseServer.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseServer.Hosting;

/// <summary>
/// The server's composition: Kibana's answers around the generated <c>POST /api/cases</c> endpoint —
/// Basic authentication, the kbn-xsrf guard, durable storage, Kibana-shaped errors for every failure.
/// </summary>
public static class CaseServerApp
{
    /// <summary>Kibana's port: where the server listens unless <c>--urls</c> (or <c>Urls</c>) says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5601";

    /// <summary>Builds the application from the command line's arguments.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Settings are read from the final configuration (the built host's), so that every source counts,
        // including those a test host adds late.
        builder.Services.AddSingleton(services => CaseServerSettings.Read(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(CreateStore);
        builder.Services.AddSingleton<ICaseStore>(services => services.GetRequiredService<RelationalCaseStore>());
        builder.Services.AddSingleton<CreateCaseRequestHandler>();
        builder.Services.AddHostedService<StartupChecks>();

        builder.Services.AddSingleton(services => new UserDirectory(services.GetRequiredService<CaseServerSettings>().Users));
        builder.Services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization();

        builder.Services.AddOpenApi(options => options.AddContractSchemas());
        builder.Services.AddHttpLogging(options =>
        {
            // One line per request, without headers or bodies (they hold credentials and case data).
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });

        var app = builder.Build();
        var settings = app.Services.GetRequiredService<CaseServerSettings>();
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

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<KibanaXsrfMiddleware>();

        var createCase = app.MapCreateCase<CreateCaseRequestHandler>(new ContractEndpointOptions { MaxRequestBodyBytes = settings.MaxRequestBodyBytes });
        var getCase = app.MapGetCase();
        if (settings.SecurityEnabled)
        {
            createCase.RequireAuthorization();
            getCase.RequireAuthorization();
        }

        app.MapOpenApi();
        return app;
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
