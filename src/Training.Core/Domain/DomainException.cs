namespace Training.Core.Domain;

/// <summary>
/// A broken business rule. The message is Chinese and shown to the user as is; <see cref="Field"/>
/// names the entity property the rule is about (e.g. <c>nameof(StartOn)</c>), so that a form can show
/// the message beside that field; null when the rule is about the whole record.
/// </summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
