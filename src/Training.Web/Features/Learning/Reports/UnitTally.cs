namespace Training.Web.Features.Learning.Reports;

/// <summary>One unit's own figures for a year and its persons' 学时 per month (hundredths), as a tally row keeps them.</summary>
public sealed class UnitTally
{
    public LearningFigures Figures { get; set; } = LearningFigures.Zero;
    public long[] MonthsCenti { get; init; } = new long[12];
}
