namespace Training.Core.Domain;

/// <summary>A broken business rule. The message is Chinese and shown to the user as is.</summary>
public sealed class DomainException(string message) : Exception(message);
