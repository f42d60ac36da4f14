namespace Training.Core.Domain;

/// <summary>
/// A course given to a target as 必修 or 选修, from a start date to a deadline (LEARNING.md §2), by the
/// city or a district for people of its own scope. Who is assigned is never stored: it is whoever is
/// in the target on the day asked, so someone who joins later is assigned without anyone acting, and
/// someone who leaves keeps what they earned (completion belongs to the person and the course).
/// </summary>
public sealed class Assignment : IVersioned
{
    private Assignment() { }

    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public Course Course { get; private set; } = null!;
    /// <summary>The city or district that assigned it.</summary>
    public int OwnerId { get; private set; }
    public OrgUnit Owner { get; private set; } = null!;
    public bool Required { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public AssignmentTarget Target { get; private set; }
    public int? CohortId { get; private set; }
    public int? ClassId { get; private set; }
    /// <summary>For a pool or a category: the unit whose people (and those below) are assigned.</summary>
    public int? UnitId { get; private set; }
    public OrgUnit? Unit { get; private set; }
    public AssignedCategory? Category { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>撤销: nobody is assigned from then on; what was earned stays.</summary>
    public bool Cancelled { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>In force on <paramref name="day"/>: started, not past its deadline, not cancelled.</summary>
    public bool IsInForceOn(DateOnly day) => !Cancelled && StartOn <= day && day <= DueOn;

    public static Assignment ToCohort(OrgUnit owner, Course course, bool required, DateOnly start, DateOnly due, Cohort cohort, string by, DateTime now) =>
        New(owner, course, required, start, due, AssignmentTarget.Cohort, by, now, a => a.CohortId = cohort.Id);

    public static Assignment ToClass(OrgUnit owner, Course course, bool required, DateOnly start, DateOnly due, TrainingClass c, string by, DateTime now)
    {
        if (!owner.Contains(c.Owner) && !c.Owner.Contains(owner)) throw new DomainException("只能给本辖区的培训班布置课程。", nameof(ClassId));
        return New(owner, course, required, start, due, AssignmentTarget.Class, by, now, a => a.ClassId = c.Id);
    }

    public static Assignment ToPool(OrgUnit owner, Course course, bool required, DateOnly start, DateOnly due, OrgUnit unit, string by, DateTime now) =>
        New(owner, course, required, start, due, AssignmentTarget.ReservePool, by, now, a => a.SetUnit(owner, unit));

    public static Assignment ToCategory(OrgUnit owner, Course course, bool required, DateOnly start, DateOnly due, OrgUnit unit,
        AssignedCategory category, string by, DateTime now)
    {
        if (!Enum.IsDefined(category)) throw new DomainException("请选择人员类别。", nameof(Category));
        return New(owner, course, required, start, due, AssignmentTarget.Category, by, now, a => { a.SetUnit(owner, unit); a.Category = category; });
    }

    public void Cancel()
    {
        if (Cancelled) throw new DomainException("该布置已撤销。");
        Cancelled = true;
        Version = Guid.NewGuid();
    }

    private void SetUnit(OrgUnit owner, OrgUnit unit)
    {
        if (!owner.Contains(unit)) throw new DomainException("只能给本辖区的人员布置课程。", nameof(UnitId));
        Unit = unit;
        UnitId = unit.Id;
    }

    private static Assignment New(OrgUnit owner, Course course, bool required, DateOnly start, DateOnly due, AssignmentTarget target,
        string by, DateTime now, Action<Assignment> aim)
    {
        if (owner.Level is not (OrgLevel.City or OrgLevel.District))
            throw new DomainException($"课程由市或区组织布置，“{owner.Name}”是{owner.Level.Name()}。");
        if (course.State != CourseState.Published) throw new DomainException("只能布置已发布的课程。", nameof(CourseId));
        if (due < start) throw new DomainException("完成期限不能早于开始日期。", nameof(DueOn));
        var a = new Assignment
        {
            Course = course, CourseId = course.Id, Owner = owner, OwnerId = owner.Id, Required = required, StartOn = start, DueOn = due,
            Target = target, CreatedBy = by, CreatedAt = now, Version = Guid.NewGuid(),
        };
        aim(a);
        return a;
    }
}
