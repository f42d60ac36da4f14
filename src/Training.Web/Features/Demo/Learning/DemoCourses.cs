using Training.Core.Domain;

namespace Training.Web.Features.Demo.Learning;

/// <summary>A demo course: its owner (the city or a district, by code), its lessons, and whether it is still a draft.</summary>
internal sealed record DemoCourse(string Owner, CourseCategory Category, string Title, string Description, DemoLesson[] Lessons, bool Draft = false)
{
    /// <summary>The city's courses every 两委干部 is assigned this year as 必修.</summary>
    public bool CityRequired { get; init; }
    /// <summary>Ends with a required quiz drawn from its category's bank (<see cref="DemoQuestions"/>), which earns the quiz bonus.</summary>
    public bool Quiz { get; init; }
    /// <summary>Assigned to the participants of the 白云区 class trainee-demo takes.</summary>
    public bool ForBaiyunClass { get; init; }
}

/// <summary>A lesson: a text written from the topic's paragraphs, or one of the shipped demo videos (1–3).</summary>
internal sealed record DemoLesson(string Title, int Video = 0, bool Optional = false, string? Text = null, int Pdf = 0, int Minutes = 0);

/// <summary>
/// The demo's online catalogue (LEARNING.md §1): about thirty courses of the city and a few
/// districts over the seven categories, their lessons written for the demo from the paragraphs
/// below (each lesson a heading, three to five paragraphs and its key points).
/// </summary>
internal static class DemoCourses
{
    public const string QuizTitle = "课程测验";

    /// <summary>A reading of under half a minute, so that the phone journey (and a learner in a hurry) gets through it quickly.</summary>
    public const string ShortReading = "## 履职导读\n\n村干部每天都在和群众打交道。接待来访时，先请坐、倒杯水，听清楚诉求，再讲政策、想办法；当场办不了的，说明原因和办理时限，按时回复。\n\n- 听清诉求\n- 讲清政策\n- 按时回复\n";
    public const string City = "440100", Baiyun = "440111", Yuexiu = "440103", Zengcheng = "440118", Huadu = "440114";

    public static readonly DemoCourse[] All =
    [
        new(City, CourseCategory.PoliticalTheory, "习近平新时代中国特色社会主义思想学习纲要（村干部读本）", "面向村（社区）两委干部的理论学习课程，结合基层工作实际解读党的创新理论。",
            [new("新时代的历史方位"), new("以人民为中心的发展思想"), new("专题讲座：理论联系实际", Video: 1), new("学习体会交流", Optional: true)]) { CityRequired = true },
        new(City, CourseCategory.PartyBuilding, "村党组织书记履职能力提升", "围绕“三会一课”、主题党日、发展党员等基层党建重点工作，讲清楚怎么做、做到什么程度。",
            [new("村党组织的职责定位"), new("“三会一课”规范化"), new("发展党员工作流程"), new("专题讲座：基层党组织建设", Video: 2)]) { CityRequired = true },
        new(City, CourseCategory.RuralRevitalisation, "乡村振兴战略与广州实践", "从国家战略到广州“百千万工程”，介绍乡村振兴的目标任务和本地做法。",
            [new("乡村振兴战略总要求"), new("广州“百千万工程”要点"), new("政策解读视频", Video: 1), new("案例：城郊村的集体经济")]) { CityRequired = true },
        new(City, CourseCategory.GrassrootsGovernance, "基层矛盾纠纷排查化解", "学习新时代“枫桥经验”，掌握常见矛盾纠纷的排查、调解和上报方法。",
            [new("新时代“枫桥经验”"), new("常见纠纷的调解方法"), new("实务视频：一次邻里纠纷的化解", Video: 3)]) { CityRequired = true },
        new(City, CourseCategory.LawsAndRegulations, "村民委员会组织法要点", "村民自治的法律依据：村民会议、村民代表会议、村务公开和民主监督。",
            [new("村民自治的基本制度"), new("村民会议与村民代表会议"), new("村务公开与民主监督"), new("村务公开工作指引（文件）", Pdf: 1, Minutes: 6)]) { Quiz = true },
        new(City, CourseCategory.LawsAndRegulations, "农村集体“三资”管理法规", "集体资金、资产、资源管理的法规要求和常见问题。",
            [new("集体资产管理的基本要求"), new("集体经济合同管理"), new("常见问题与风险提示")]),
        new(City, CourseCategory.GeneralCompetence, "村干部公文写作与会议组织", "通知、请示、报告、会议纪要的写法，以及村级会议的组织流程。",
            [new("常用公文的结构"), new("会议纪要怎么写"), new("村级会议组织流程", Optional: true)]),
        new(City, CourseCategory.DegreeTutoring, "“羊城村官上大学”入学导学", "学历提升项目的报名、学习、考试和毕业要求，帮助新生顺利开学。",
            [new("项目介绍与学习安排"), new("线上学习平台使用"), new("考试与毕业要求")]),
        new(City, CourseCategory.DegreeTutoring, "成人高考语文复习指导", "成人高考语文科目的题型、复习重点和答题方法。",
            [new("考试题型与分值"), new("现代文阅读"), new("作文写作要点")]),
        new(City, CourseCategory.GeneralCompetence, "新媒体与村务宣传", "用好微信群、公众号和短视频，做好政策宣传和村务公开。",
            [new("新媒体在村务中的作用"), new("政策宣传怎么写得明白"), new("网络舆情的应对")]),
        new(City, CourseCategory.RuralRevitalisation, "农村人居环境整治", "垃圾分类、污水治理、村容村貌提升的工作方法与长效管护。",
            [new("人居环境整治的任务"), new("村规民约与长效管护"), new("案例：美丽乡村建设")]),
        new(City, CourseCategory.PartyBuilding, "党员教育管理与组织生活", "党员教育培训、组织关系管理和流动党员管理的要求。",
            [new("党员教育培训的要求"), new("组织关系管理"), new("流动党员管理")]) { Quiz = true },
        new(City, CourseCategory.PoliticalTheory, "党史学习教育专题", "以史为鉴、开创未来，学习党的百年奋斗重大成就和历史经验。",
            [new("党的百年奋斗重大成就"), new("党的历史经验"), new("广州的红色印记", Optional: true)]),
        new(City, CourseCategory.GrassrootsGovernance, "网格化管理与服务", "网格员职责、信息采集和为民服务的工作方法。",
            [new("网格化管理的基本要求"), new("信息采集与上报"), new("为民服务办事流程")]),
        new(City, CourseCategory.LawsAndRegulations, "土地管理法与宅基地管理", "农村土地承包、宅基地审批和违法用地查处的基本规定。",
            [new("农村土地承包经营"), new("宅基地申请与审批"), new("违法用地的发现与处置")]),
        new(City, CourseCategory.GeneralCompetence, "应急管理与安全生产", "防汛防风、消防安全和突发事件的先期处置。",
            [new("村级应急预案"), new("防汛防风工作要点"), new("消防安全检查")]),
        new(Baiyun, CourseCategory.RuralRevitalisation, "白云区乡村产业发展案例", "白云区特色农业、乡村旅游和集体物业经营的案例。",
            [new("特色农业发展"), new("乡村旅游起步"), new("集体物业经营")]),
        new(Baiyun, CourseCategory.PartyBuilding, "白云区后备干部培养计划导学", "面向白云区村（社区）后备干部，介绍培养目标、跟岗锻炼和考核方式。",
            [new("后备干部培养目标"), new("跟岗锻炼怎么做"), new("考核与使用")]),
        new(Baiyun, CourseCategory.GrassrootsGovernance, "白云区城中村治理实务（编写中）", "城中村出租屋管理、来穗人员服务和环境秩序治理。",
            [new("出租屋管理"), new("来穗人员服务")], Draft: true),
        new(Yuexiu, CourseCategory.GrassrootsGovernance, "越秀区社区治理创新", "老城区社区治理的做法：邻里中心、志愿服务和议事协商。",
            [new("社区议事协商"), new("志愿服务体系"), new("邻里中心运营")]),
        new(Yuexiu, CourseCategory.GeneralCompetence, "社区工作者沟通技巧", "与居民沟通、接待来访和化解情绪的方法。",
            [new("有效沟通的原则"), new("接待来访"), new("情绪疏导")]),
        new(Zengcheng, CourseCategory.RuralRevitalisation, "增城区特色农业与电商", "荔枝、丝苗米等特色农产品的品牌建设和电商销售。",
            [new("农产品品牌建设"), new("电商销售入门"), new("直播带货注意事项")]),
        new(Zengcheng, CourseCategory.PartyBuilding, "增城区村级组织规范化建设", "村级组织运行规范、村务监督和小微权力清单。",
            [new("村级组织运行规范"), new("小微权力清单"), new("村务监督委员会")]),
        new(Huadu, CourseCategory.LawsAndRegulations, "花都区农村法律顾问常见问答", "村法律顾问整理的常见法律问题：婚姻家庭、土地、借贷。",
            [new("婚姻家庭纠纷"), new("土地承包纠纷"), new("民间借贷")]),
        new(Huadu, CourseCategory.GeneralCompetence, "花都区村干部数字化办公", "常用办公软件、政务平台和数据报送。",
            [new("常用办公软件"), new("政务平台操作"), new("数据报送规范")]),
        new(City, CourseCategory.RuralRevitalisation, "农村集体经济组织运营", "集体经济组织的设立、治理和收益分配。",
            [new("集体经济组织的设立"), new("治理结构"), new("收益分配与公开")]),
        new(City, CourseCategory.PoliticalTheory, "全面从严治党与廉洁自律", "村干部廉洁履职的要求和典型案例警示。",
            [new("全面从严治党的要求"), new("村干部廉洁履职"), new("典型案例警示")]),
        new(City, CourseCategory.GeneralCompetence, "乡村医疗卫生与健康促进", "基本公共卫生服务、慢病管理和健康宣传。",
            [new("基本公共卫生服务"), new("慢病管理"), new("健康宣传")]),
        new(City, CourseCategory.GrassrootsGovernance, "农村养老服务", "居家养老、互助养老和农村长者饭堂的做法。",
            [new("农村养老现状"), new("互助养老模式"), new("长者饭堂运营")]),
        new(City, CourseCategory.DegreeTutoring, "开放教育学习方法", "成人学历教育中的自主学习、时间管理和考试准备。",
            [new("自主学习方法"), new("时间管理"), new("考试准备")]),
        // Last, so that it is the newest in every list: the course trainee-demo's class is assigned.
        new(Baiyun, CourseCategory.GrassrootsGovernance, "白云区村干部履职实务", "白云区能力提升班学员的必修课：读一篇导读，看一段视频，做一次测验。",
            [new("履职导读", Text: ShortReading), new("实务视频：半分钟看懂接访流程", Video: 4)]) { Quiz = true, ForBaiyunClass = true },
    ];
}
