using System.Collections.Concurrent;

namespace PartyPlatform.AppHost.Supervision;

/// <summary>
/// Which resources someone stopped on purpose (the dashboard's or a test's stop and restart
/// commands), so that their exit is not taken for a crash. Keyed by resource id (one per replica).
/// </summary>
public sealed class UserIntent
{
    private readonly ConcurrentDictionary<string, bool> stoppedOnPurpose = new();

    public bool StoppedOnPurpose(string resourceId) => stoppedOnPurpose.GetValueOrDefault(resourceId);

    /// <summary>
    /// Wraps a resource's stop, start and restart commands so that each records what the user meant
    /// before it runs. Aspire adds these commands itself just before the resources start, so this
    /// runs then, once per resource.
    /// </summary>
    public void Track(IResource resource)
    {
        Wrap(resource, KnownResourceCommands.StopCommand, async (context, stop) =>
        {
            stoppedOnPurpose[context.ResourceName] = true;
            return await stop(context);
        });
        Wrap(resource, KnownResourceCommands.StartCommand, async (context, start) =>
        {
            stoppedOnPurpose[context.ResourceName] = false;
            return await start(context);
        });
        // A restart stops the process first: that exit is no crash either.
        Wrap(resource, KnownResourceCommands.RestartCommand, async (context, restart) =>
        {
            stoppedOnPurpose[context.ResourceName] = true;
            try
            {
                return await restart(context);
            }
            finally
            {
                stoppedOnPurpose[context.ResourceName] = false;
            }
        });
    }

    private static void Wrap(
        IResource resource,
        string commandName,
        Func<ExecuteCommandContext, Func<ExecuteCommandContext, Task<ExecuteCommandResult>>, Task<ExecuteCommandResult>> wrapper)
    {
        var annotations = resource.Annotations;
        for (var i = 0; i < annotations.Count; i++)
        {
            if (annotations[i] is ResourceCommandAnnotation command && command.Name == commandName && command is not { ExecuteCommand.Target: Wrapped })
            {
                var inner = command.ExecuteCommand;
                annotations[i] = new ResourceCommandAnnotation(
                    command.Name, command.DisplayName, command.UpdateState,
                    new Wrapped(context => wrapper(context, inner)).ExecuteAsync,
                    command.DisplayDescription, command.Arguments, command.ConfirmationMessage, command.IconName, command.IconVariant,
                    command.IsHighlighted, command.Visibility, command.ValidateArguments);
            }
        }
    }

    /// <summary>Marks a command as already wrapped (a resource starts again after every restart).</summary>
    private sealed class Wrapped(Func<ExecuteCommandContext, Task<ExecuteCommandResult>> execute)
    {
        public Task<ExecuteCommandResult> ExecuteAsync(ExecuteCommandContext context) => execute(context);
    }
}
