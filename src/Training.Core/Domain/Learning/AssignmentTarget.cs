namespace Training.Core.Domain;

/// <summary>Whom an assignment gives its course to (LEARNING.md §2); membership is evaluated as of the day asked, never stored.</summary>
public enum AssignmentTarget
{
    /// <summary>The admitted students of a cohort.</summary>
    Cohort,
    /// <summary>The reserves in the pool of a unit (and below).</summary>
    ReservePool,
    /// <summary>The participants of a training class.</summary>
    Class,
    /// <summary>A category of people in a unit and below.</summary>
    Category,
}
