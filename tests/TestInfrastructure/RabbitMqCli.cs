using System.Diagnostics;

namespace PartyPlatform.TestInfrastructure;

/// <summary>rabbitmqctl against the node of a data folder (scripts/rabbitmqctl.sh), for the tests' own nodes and the platform's.</summary>
public static class RabbitMqCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { RepositoryRoot.Script("rabbitmqctl.sh"), "--quiet" },
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["RABBITMQ_DATA_DIR"] = dataDirectory;
        using var cli = Process.Start(startInfo)!;
        cli.StandardInput.Close();
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await cli.WaitForExitAsync(timeout.Token);
        return (cli.ExitCode, (await stdout + await stderr).Trim());
    }

    /// <summary>
    /// What the node itself says of its queues (consumers, ready, unacknowledged) and connections: for a failure
    /// message, where a client's own view may be wrong.
    /// </summary>
    public static async Task<string> DescribeAsync(string dataDirectory, string vhost = "/")
    {
        var queues = await RunAsync(dataDirectory, "list_queues", "-p", vhost, "name", "consumers", "messages_ready", "messages_unacknowledged");
        var connections = await RunAsync(dataDirectory, "list_connections", "name", "state", "channels", "recv_cnt", "send_cnt");
        return $"Queues (name, consumers, ready, unacked): {queues.Output}{Environment.NewLine}Connections (name, state, channels, received, sent): {connections.Output}";
    }
}
