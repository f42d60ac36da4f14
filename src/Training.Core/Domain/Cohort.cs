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

    /// <summary>CityAdmin corrects the name, the application window or the city quota; the quota never drops below what the districts were given.</summary>
    public void ChangeDetails(string name, DateOnly applyFrom, DateOnly applyTo, int cityQuota)
    {
        if (applyTo < applyFrom) throw new DomainException("报名截止日期不能早于报名开始日期。");
        if (cityQuota < MinimumCityQuota) throw new DomainException($"全市招生名额按政策不少于 {MinimumCityQuota} 人。");
        var assigned = _districtQuotas.Sum(q => q.Quota);
        if (cityQuota < assigned)
            throw new DomainException($"全市名额 {cityQuota} 少于已分配给各区的名额合计 {assigned}，请先调低各区名额。");
        name = (name ?? "").Trim();
        if (name.Length > 100) throw new DomainException("批次名称不能超过 100 个字。");
        Name = name.Length == 0 ? $"{Year}年羊城村官上大学" : name;
        ApplyFrom = applyFrom;
        ApplyTo = applyTo;
        CityQuota = cityQuota;
    }

    /// <summary>
    /// Sets several districts' quotas at once (the whole form), so that moving places from one
    /// district to another does not fail half-way. A quota never drops below the admissions
    /// already made in that district, and the sum never exceeds the city quota.
    /// </summary>
    public void SetDistrictQuotas(IReadOnlyCollection<QuotaAssignment> quotas)
    {
        foreach (var q in quotas)
        {
            if (q.District.Level != OrgLevel.District) throw new DomainException($"名额只能分配到区，“{q.District.Name}”是{q.District.Level.Name()}。");
            if (q.Quota < 0) throw new DomainException($"{q.District.Name}的名额不能为负数。");
            if (q.Quota < q.Admitted)
                throw new DomainException($"{q.District.Name}本批次已录取 {q.Admitted} 人，名额不能少于已录取人数。");
        }
        if (quotas.GroupBy(q => q.District).Any(g => g.Count() > 1)) throw new DomainException("同一个区只能填写一个名额。");
        var untouched = _districtQuotas.Where(x => !quotas.Any(q => Same(x, q.District))).Sum(x => x.Quota);
        var total = untouched + quotas.Sum(q => q.Quota);
        if (total > CityQuota)
            throw new DomainException($"各区名额合计 {total} 超过全市名额 {CityQuota}，请调低部分区的名额或先调高全市名额。");
        foreach (var q in quotas)
        {
            var existing = _districtQuotas.FirstOrDefault(x => Same(x, q.District));
            if (existing is null) _districtQuotas.Add(new DistrictQuota(q.District, q.Quota));
            else existing.Change(q.Quota);
        }
    }

    private static bool Same(DistrictQuota quota, OrgUnit district) =>
        district.Id != 0 ? quota.DistrictId == district.Id : quota.District == district;

    /// <summary>Takes a program off the cohort; not once anybody has applied for it.</summary>
    public void RemoveOffer(FeeSchedule fee, int enrollmentsOfProgram)
    {
        if (!_fees.Contains(fee)) throw new DomainException("本批次没有开设该专业。");
        if (enrollmentsOfProgram > 0)
            throw new DomainException($"已有 {enrollmentsOfProgram} 份报名选择了“{fee.Program.Name}”，不能取消开设。");
        _fees.Remove(fee);
    }

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
