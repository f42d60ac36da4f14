namespace Training.Core.Domain;

/// <summary>A program on offer in a cohort, with its tuition split.</summary>
public class FeeSchedule
{
    private FeeSchedule() { Split = null!; }

    internal FeeSchedule(StudyProgram program, FeeSplit split)
    {
        Program = program;
        ProgramId = program.Id;
        Split = split;
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public int ProgramId { get; private set; }
    public StudyProgram Program { get; private set; } = null!;
    public FeeSplit Split { get; private set; }

    public void ChangeSplit(FeeSplit split) => Split = split;
}
