using System.Linq.Expressions;

namespace Training.Core.Domain;

/// <summary>
/// A cadre, reserve or party member, identified by the resident ID number. Birth date and
/// sex are derived from the ID, never typed. Highest education is kept as a dated history
/// (<see cref="EducationRecord"/>); <see cref="Education"/> is its current maximum.
/// </summary>
public class Person
{
    private readonly List<Post> _posts = [];
    private readonly List<EducationRecord> _educationHistory = [];

    private Person() { IdNumber = Name = ""; }

    public int Id { get; private set; }
    public string IdNumber { get; private set; }
    public string Name { get; private set; }
    public string? Phone { get; private set; }
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public PoliticalStatus PoliticalStatus { get; private set; }
    /// <summary>The recorded level before any graduation in this system (registration, import or correction).</summary>
    public Education BaseEducation { get; private set; }
    /// <summary>Current highest education: the base, raised by every graduation.</summary>
    public Education Education { get; private set; }
    public int VillageId { get; private set; }
    public OrgUnit Village { get; private set; } = null!;

    /// <summary>A party member the village has recommended for degree study (one of the three ways to be eligible).</summary>
    public bool RecommendedByVillage { get; private set; }

    public IReadOnlyList<Post> Posts => _posts;
    public IReadOnlyList<EducationRecord> EducationHistory => _educationHistory;

    public static Person Register(
        string idNumber, string name, string? phone, PoliticalStatus politicalStatus,
        Education education, OrgUnit village, DateOnly today, DateTime now)
    {
        var id = ResidentId.Parse(idNumber, today);
        if (village.Level != OrgLevel.Village)
            throw new DomainException($"人员应属于村社区，“{village.Name}”是{village.Level.Name()}。");
        var person = new Person
        {
            IdNumber = id.Value,
            Name = RequireName(name),
            Phone = Domain.Phone.Normalize(phone),
            Sex = id.Sex,
            BirthDate = id.BirthDate,
            PoliticalStatus = politicalStatus,
            BaseEducation = education,
            Education = education,
            Village = village,
            VillageId = village.Id,
        };
        person._educationHistory.Add(new EducationRecord(education, null, EducationSource.Recorded, "登记", now));
        return person;
    }

    public void UpdateContact(string name, string? phone, PoliticalStatus politicalStatus)
    {
        Name = RequireName(name);
        Phone = Domain.Phone.Normalize(phone);
        PoliticalStatus = politicalStatus;
    }

    public void MoveTo(OrgUnit village)
    {
        if (village.Level != OrgLevel.Village)
            throw new DomainException($"人员应属于村社区，“{village.Name}”是{village.Level.Name()}。");
        Village = village;
        VillageId = village.Id;
    }

    public void SetRecommendedByVillage(bool recommended) => RecommendedByVillage = recommended;

    public Post AddPost(OrgUnit village, PostType type, DateOnly start, DateOnly? end = null)
    {
        var post = new Post(this, village, type, start, end);
        if (_posts.Any(p => SameVillage(p, village) && p.Type == type && Overlaps(p, post)))
            throw new DomainException($"{Name}在同一时期已担任{village.Name}{type.Name()}，不能重复任职。");
        _posts.Add(post);
        return post;
    }

    /// <summary>
    /// A roster import corrects a post's last day (null: still serving); the post must then not
    /// overlap another term of the same post in the same village.
    /// </summary>
    public void ChangePostEnd(Post post, DateOnly? lastDay)
    {
        if (!_posts.Contains(post)) throw new DomainException("该职务不属于此人。");
        var end = lastDay ?? DateOnly.MaxValue;
        if (_posts.Any(p => p != post && p.Type == post.Type && SameVillage(p, post)
                && p.StartDate <= end && post.StartDate <= (p.EndDate ?? DateOnly.MaxValue)))
            throw new DomainException($"{Name}在同一时期已担任该村社区{post.Type.Name()}，不能重复任职。");
        post.SetEnd(lastDay);
    }

    /// <summary>Graduation raises education to the program's level from that day on; it never lowers it.</summary>
    public void RaiseEducation(Education level, DateOnly on, string note, DateTime now)
    {
        _educationHistory.Add(new EducationRecord(level, on, EducationSource.Graduation, note, now));
        if (level > Education) Education = level;
    }

    /// <summary>An administrator corrects the recorded base level (e.g. a typo on registration).</summary>
    public void CorrectBaseEducation(Education level, string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("更正学历须填写原因。");
        _educationHistory.Add(new EducationRecord(level, null, EducationSource.Correction, reason.Trim(), now));
        BaseEducation = level;
        Education = GraduationLevels(DateOnly.MaxValue).Append(level).Max();
    }

    /// <summary>Highest education on a date: the base, or any graduation dated on or before it, whichever is higher.</summary>
    public Education EducationOn(DateOnly date) => GraduationLevels(date).Append(BaseEducation).Max();

    private IEnumerable<Education> GraduationLevels(DateOnly upTo) =>
        _educationHistory.Where(r => r.Source == EducationSource.Graduation && r.EffectiveOn <= upTo).Select(r => r.Level);

    public bool IsTwoCommitteeCadreOn(DateOnly date) => _posts.Any(p => p.IsHeldOn(date));

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>A party member or a probationary member (中共党员、中共预备党员), for queries.</summary>
    public static readonly Expression<Func<Person, bool>> IsPartyMember =
        p => p.PoliticalStatus == PoliticalStatus.PartyMember || p.PoliticalStatus == PoliticalStatus.ProbationaryMember;

    /// <summary>"Holds any two-committee post on D", for queries; one person with several posts (交叉任职) is still one person.</summary>
    public static Expression<Func<Person, bool>> TwoCommitteeCadreOn(DateOnly date) =>
        p => p.Posts.AsQueryable().Any(Post.HeldOn(date));

    // Unsaved villages all have Id 0: compare them by reference.
    private static bool SameVillage(Post post, OrgUnit village) =>
        ReferenceEquals(post.Village, village) || (village.Id != 0 && post.VillageId == village.Id);

    private static bool SameVillage(Post a, Post b) =>
        (a.VillageId != 0 && a.VillageId == b.VillageId) || (a.Village is not null && ReferenceEquals(a.Village, b.Village));

    private static bool Overlaps(Post a, Post b) =>
        a.StartDate <= (b.EndDate ?? DateOnly.MaxValue) && b.StartDate <= (a.EndDate ?? DateOnly.MaxValue);

    private static string RequireName(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("姓名不能为空。");
        if (name.Length > 50) throw new DomainException("姓名不能超过 50 个字。");
        return name;
    }
}
