namespace Training.Core.Domain;

/// <summary>A year's intake (招生批次): application window, city quota, district quotas and the fee schedule per program on offer.</summary>
public class Cohort
{
    public const int MinimumCityQuota = 1000;

    private readonly List<DistrictQuota> _districtQuotas = [];
    private readonly List<FeeSchedule> _fees = [];

    private Cohort() { Name = ""; }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public string Name { get; private set; }
    public DateOnly ApplyFrom { get; private set; }
    public DateOnly ApplyTo { get; private set; }
    public int CityQuota { get; private set; }
    public IReadOnlyList<DistrictQuota> DistrictQuotas => _districtQuotas;
    public IReadOnlyList<FeeSchedule> Fees => _fees;

    public static Cohort Create(int year, string name, DateOnly applyFrom, DateOnly applyTo, int cityQuota)
    {
        if (year is < 2000 or > 2100) throw new DomainException("年度应为 2000 到 2100 之间的年份。");
        if (applyTo < applyFrom) throw new DomainException("报名截止日期不能早于报名开始日期。");
        if (cityQuota < MinimumCityQuota) throw new DomainException($"全市招生名额按政策不少于 {MinimumCityQuota} 人。");
        name = (name ?? "").Trim();
        return new Cohort
        {
            Year = year,
            Name = name.Length == 0 ? $"{year}年羊城村官上大学" : name,
            ApplyFrom = applyFrom,
            ApplyTo = applyTo,
            CityQuota = cityQuota,
        };
    }

    public bool IsOpenOn(DateOnly date) => ApplyFrom <= date && date <= ApplyTo;

    public void SetDistrictQuota(OrgUnit district, int quota)
    {
        if (district.Level != OrgLevel.District) throw new DomainException($"名额只能分配到区，“{district.Name}”是{district.Level.Name()}。");
        if (quota < 0) throw new DomainException("名额不能为负数。");
        var existing = _districtQuotas.FirstOrDefault(q => q.DistrictId == district.Id && district.Id != 0);
        var others = _districtQuotas.Where(q => q != existing).Sum(q => q.Quota);
        if (others + quota > CityQuota)
            throw new DomainException($"各区名额合计 {others + quota} 超过全市名额 {CityQuota}。");
        if (existing is null) _districtQuotas.Add(new DistrictQuota(district, quota));
        else existing.Change(quota);
    }

    public FeeSchedule Offer(StudyProgram program, FeeSplit split)
    {
        if (_fees.Any(f => f.Program == program || (program.Id != 0 && f.ProgramId == program.Id)))
            throw new DomainException($"本批次已开设“{program.Name}”专业。");
        var fee = new FeeSchedule(program, split);
        _fees.Add(fee);
        return fee;
    }
}

public class DistrictQuota
{
    private DistrictQuota() { }

    internal DistrictQuota(OrgUnit district, int quota)
    {
        District = district;
        DistrictId = district.Id;
        Quota = quota;
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public int DistrictId { get; private set; }
    public OrgUnit District { get; private set; } = null!;
    public int Quota { get; private set; }

    internal void Change(int quota) => Quota = quota;
}

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
