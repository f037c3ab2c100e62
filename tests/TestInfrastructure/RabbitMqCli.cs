namespace PartyPlatform.TestInfrastructure;

/// <summary>rabbitmqctl against the node of a data folder (scripts/rabbitmqctl.sh), for the tests' own nodes and the platform's.</summary>
public static class RabbitMqCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await RepositoryRoot.RunScriptAsync(
            "rabbitmqctl.sh", ["--quiet", .. arguments], new Dictionary<string, string> { ["RABBITMQ_DATA_DIR"] = dataDirectory }, timeout.Token);
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
