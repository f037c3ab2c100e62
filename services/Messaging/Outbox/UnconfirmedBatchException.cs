namespace PartyPlatform.Messaging.Outbox;

/// <summary>The broker did not confirm a batch's messages: it refused them, lost them, or said nothing in time.</summary>
internal sealed class UnconfirmedBatchException(string message, Exception? inner = null) : Exception(message, inner);
