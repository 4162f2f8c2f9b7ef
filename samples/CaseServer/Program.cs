using System;
using CaseServer.Hosting;
using CaseServer.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// `hash-password` makes a password hash for the configuration; anything else runs the server.
if (args is [HashPasswordCommand.Name, ..])
{
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

var app = CaseServerApp.Build(args);

// A configuration that would run insecurely or half-working stops here, with what to fix (and no stack trace).
var problems = app.Services.GetRequiredService<CaseServerSettings>().Problems;
if (problems.Count > 0)
{
    Console.Error.WriteLine(new CaseServerConfigurationException(problems).Message);
    return 2;
}

await app.RunAsync();
return 0;
