namespace Training.Core.Domain;

/// <summary>
/// An aggregate whose every change moves <see cref="Version"/> (a concurrency token): a change
/// made from an older version than the stored one fails instead of overwriting a newer decision.
/// </summary>
public interface IVersioned
{
    Guid Version { get; }
}
