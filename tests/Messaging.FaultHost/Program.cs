using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartyPlatform.Messaging.FaultHost;
using PartyPlatform.TestInfrastructure.Messaging;

// Our Messaging library in the roles a service plays, as a process of its own that the messaging
// fault tests kill with kill -9 and start again:
//   dotnet Messaging.FaultHost.dll relay|consumer|batch-consumer...
// over FAULT_DATABASE (a connection string) and FAULT_BROKER (an amqp URI), with the settings of the
// in-process test hosts (MessagingHarness) and any Messaging__Outbox__* environment variable on top.
// Its stdout says only "health <status>" at each change of the readiness a service's /health reports;
// logs go to stderr. It stops when PARENT_PID (the test run) is gone.
string[] known = ["relay", "consumer", "batch-consumer"];
if (args.Length == 0 || args.Any(role => !known.Contains(role)))
{
    await Console.Error.WriteLineAsync($"usage: Messaging.FaultHost {string.Join('|', known)}... (one or more)");
    return 2;
}

var roles = new MessagingRoles(Relay: args.Contains("relay"), Consumer: args.Contains("consumer"), BatchConsumer: args.Contains("batch-consumer"));
var builder = MessagingHarness.CreateHostBuilder(Required("FAULT_DATABASE"), Required("FAULT_BROKER"), new DeliveryLog(), roles);
// The test's own settings win over the harness's.
builder.Configuration.AddEnvironmentVariables();
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
// Health goes to stdout (HealthReport); the health service's own complaint at every probe would drown the logs.
builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);
builder.Services.AddHealthChecks();
builder.Services.AddHostedService<HealthReport>();
builder.Services.AddHostedService<ParentWatch>();
await builder.Build().RunAsync();
return 0;

static string Required(string variable) =>
    Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{variable} is not set.");
