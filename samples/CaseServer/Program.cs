using System;
using CaseServer.Hosting;
using CaseServer.Security;

// `hash-password` makes a password hash for the configuration; anything else runs the server.
if (args is [HashPasswordCommand.Name, ..])
{
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

var app = CaseServerApp.Build(args);
try
{
    await app.RunAsync();
    return 0;
}
catch (CaseServerConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
