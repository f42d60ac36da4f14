namespace Training.Core.Domain;

/// <summary>Something that runs from <see cref="StartOn"/> to <see cref="EndOn"/>, both days included (a mentoring pair, a shadowing period, a training class).</summary>
public interface IDatedPeriod
{
    DateOnly StartOn { get; }
    DateOnly EndOn { get; }
}
