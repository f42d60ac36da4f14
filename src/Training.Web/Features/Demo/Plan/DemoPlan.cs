using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

/// <summary>
/// Who is where and what happened to them, for the 2,851 real villages, before any entity
/// exists. The plan fixes every count that the 2019 figures depend on (cadres, secretaries,
/// education, enrollments, reserves) exactly, from one seeded <see cref="Random"/>; the
/// generator then gives each planned person a name and an ID number. Larger scales repeat the
/// plan in synthetic villages, so every figure scales exactly and every share stays the same.
/// </summary>
internal sealed partial class DemoPlan
{
    public const int Seed = 20191231;
    public static readonly DateOnly D = DemoData.ReportDate;

    // The 2019 targets, split into the groups the plan fills. Secretaries: 720 graduated by D
    // and 1,504 with a 大专+ base make 2,224 (78.0%); all cadres: 720 + 1,504 + 3,300 + 7,876
    // = 13,400 (67.0%). Participants: 6,880 cadres + 2,302 reserves + 1,883 party members
    // = 11,065; graduates: 720 + 3,300 + 640 + 573 = 5,233.
    private const int SecretaryGraduates = 720, SecretaryStudying = 260, SecretaryHigher = 1_504;
    private const int CadreGraduates = 3_300, CadreStudying = 2_600, CadreHigher = 7_876;
    private const int ReserveGraduates = 640, ReserveStudying = 1_662;
    private const int MemberGraduates = 573, MemberStudying = 1_310;
    private const int VillagesBelowRuleOnD = 342; // 12%

    private static readonly string[] ExitReasons = ["外出务工", "年龄超过规定", "本人申请退出", "考察不合格", "迁出本村"];

    private DemoPlan(List<VillagePlan> villages) => Villages = villages;

    public IReadOnlyList<VillagePlan> Villages { get; }

    public static DemoPlan Build(GuangzhouDivisions divisions)
    {
        var r = new Random(Seed);
        var villages = new List<VillagePlan>();
        var district = 0;
        foreach (var d in divisions.Districts)
        {
            foreach (var t in d.Children)
                foreach (var v in t.Children)
                    villages.Add(new VillagePlan(villages.Count, v.Code, district, OrgUnit.KindFromName(v.Name)));
            district++;
        }
        if (villages.Count != DemoData.Secretaries2019)
            throw new InvalidOperationException(
                DemoTexts.WrongVillageCount(DemoData.Secretaries2019, villages.Count));

        var cadres = villages.Select(v => v.Kind == VillageKind.Village ? r.Next(6, 10) : r.Next(5, 9)).ToArray();
        AdjustToTotal(cadres, DemoData.TwoCommitteeCadres2019, 5, 10, r);
        var keyPosts = villages.Select(v => v.Kind == VillageKind.Village ? r.Next(2, 5) : r.Next(1, 4)).ToArray();
        AdjustToTotal(keyPosts, DemoData.KeyPosts, 1, 4, r);

        // A few villages where the day itself decides: a secretary who took office on D (appointed
        // from the pool that day) and one whose last day in office was D.
        var traineeVillage = villages.Single(v => v.Code == DemoData.VillageCode);
        var edges = Shuffled(villages.Where(v => v != traineeVillage).ToList(), r);
        for (var i = 0; i < 12; i++) edges[i].Edge = i < 6 ? EdgeCase.SecretaryStartsOnD : EdgeCase.SecretaryEndsOnD;

        foreach (var v in villages)
        {
            v.KeyPosts = keyPosts[v.Index];
            PlanCadres(v, cadres[v.Index], v == traineeVillage, r);
        }

        PlanEducation(villages, r);
        PlanReserves(villages, r);
        // Joined the pool in 2024: one more reserve today, none on D.
        traineeVillage.People.Add(new PersonPlan(PlanRole.Reserve)
        {
            Special = PlanSpecial.Registrable,
            Reserve = new ReservePlan(ReserveTarget.TwoCommittee, new DateOnly(2024, 3, 15)),
        });
        PlanParticipants(villages, r);
        PlanLaterStudy(villages, r);
        foreach (var p in villages.SelectMany(v => v.People)) FitBirthYears(p);
        return new DemoPlan(villages);
    }

    /// <summary>Admitted enrollments per cohort year and district (index in code order) at city scale.</summary>
    public int[,] AdmittedByYearAndDistrict(int districts)
    {
        var counts = new int[DemoCatalog.OpenYear - DemoCatalog.FirstYear + 1, districts];
        foreach (var v in Villages)
            foreach (var p in v.People)
                foreach (var e in p.Enrollments)
                    counts[e.Year - DemoCatalog.FirstYear, v.District]++;
        return counts;
    }
}
