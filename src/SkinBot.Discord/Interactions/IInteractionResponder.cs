namespace SkinBot.Discord.Interactions;

/// <summary>
/// Delivers the one initial response of an interaction: inline in the HTTP response for the interactions
/// endpoint, or via <c>POST /interactions/{id}/{token}/callback</c> for interactions that arrive on the gateway.
/// </summary>
internal interface IInteractionResponder
{
    Task RespondAsync(InteractionResponse response, CancellationToken cancellationToken);

    /// <summary>
    /// Completes once Discord has the initial response. Webhook calls on the interaction (editing @original) must
    /// wait for it: before that, Discord answers them 404.
    /// </summary>
    Task WhenDeliveredAsync(CancellationToken cancellationToken);
}

/// <summary>Hands the response to the waiting HTTP request.</summary>
internal sealed class InlineInteractionResponder : IInteractionResponder
{
    private readonly TaskCompletionSource<InteractionResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<InteractionResponse> Response => _response.Task;

    public Task RespondAsync(InteractionResponse value, CancellationToken cancellationToken)
    {
        if (!_response.TrySetResult(value))
        {
            throw new InvalidOperationException("An interaction can be acknowledged only once.");
        }

        return Task.CompletedTask;
    }

    public Task WhenDeliveredAsync(CancellationToken cancellationToken) => _delivered.Task.WaitAsync(cancellationToken);

    /// <summary>Called by the endpoint once the HTTP response has been completed (or could not be).</summary>
    public void MarkDelivered() => _delivered.TrySetResult();

    /// <summary>The response to send: the handler's if it has one, otherwise <paramref name="fallback"/>, after which the handler's is refused.</summary>
    public InteractionResponse Seal(InteractionResponse fallback, out bool usedFallback)
    {
        usedFallback = _response.TrySetResult(fallback);
        return _response.Task.Result;
    }
}

/// <summary>Answers through the REST callback route (gateway interactions).</summary>
internal sealed class CallbackInteractionResponder(Rest.DiscordRestClient rest, Snowflake interactionId, string token, DateTimeOffset deadline) : IInteractionResponder
{
    /// <summary>Discord drops an interaction that has no initial response this long after it was created.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromSeconds(3);

    public Task RespondAsync(InteractionResponse response, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interactionId, token, response, deadline, cancellationToken);

    /// <summary>The callback POST has returned by the time the handler asks.</summary>
    public Task WhenDeliveredAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
