using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Interactions;

/// <summary>An interaction response {type, data}. Built only through the factories, so message data is always a <see cref="MessageBody"/>.</summary>
internal sealed record InteractionResponse
{
    private InteractionResponse(int type, object? data)
    {
        Type = type;
        Data = data;
    }

    public int Type { get; }

    public object? Data { get; }

    public static InteractionResponse Pong { get; } = new(InteractionCallbackType.Pong, null);

    public static InteractionResponse Message(OutgoingMessage message) => new(InteractionCallbackType.ChannelMessageWithSource, MessageBody.From(message));

    /// <summary>Edits the message that carries the pressed button (components only). Its ephemeral state cannot change.</summary>
    public static InteractionResponse UpdateMessage(OutgoingMessage message) => new(InteractionCallbackType.UpdateMessage, MessageBody.ForEdit(message));

    /// <summary>"SkinBot is thinking…"; only the ephemeral flag is allowed with it.</summary>
    public static InteractionResponse DeferredMessage(bool ephemeral) =>
        new(InteractionCallbackType.DeferredChannelMessageWithSource, ephemeral ? new DeferredData(64) : null);

    public static InteractionResponse DeferredUpdate { get; } = new(InteractionCallbackType.DeferredUpdateMessage, null);

    public static InteractionResponse Autocomplete(IReadOnlyList<AutocompleteChoice> choices) =>
        new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteData(choices));

    /// <summary>Opens a form (components and commands only; never after a deferral).</summary>
    public static InteractionResponse Modal(ModalData modal) => new(InteractionCallbackType.Modal, modal);

    private sealed record DeferredData(int Flags);

    private sealed record AutocompleteData(IReadOnlyList<AutocompleteChoice> Choices);
}

internal sealed record AutocompleteChoice(string Name, string Value);

internal static class InteractionCallbackType
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int ApplicationCommandAutocompleteResult = 8;
    public const int Modal = 9;
}

internal static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int ApplicationCommandAutocomplete = 4;
    public const int ModalSubmit = 5;
}
