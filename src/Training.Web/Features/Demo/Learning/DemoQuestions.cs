using Training.Core.Domain;

namespace Training.Web.Features.Demo.Learning;

/// <summary>A demo question: kind, stem, options, the right options' indexes and an explanation.</summary>
internal sealed record DemoQuestion(QuestionKind Kind, string Stem, string[] Options, int[] Correct, string Explanation);

/// <summary>The demo's question banks, written for the demo, by category of the course that holds them.</summary>
internal static class DemoQuestions
{
    public static readonly Dictionary<CourseCategory, DemoQuestion[]> ByCategory = new()
    {
        [CourseCategory.GrassrootsGovernance] =
        [
            new(QuestionKind.Single, "新时代“枫桥经验”强调矛盾纠纷要怎样处理？", ["一律上交处理", "小事不出村、大事不出镇、矛盾不上交", "由当事人自行解决", "等矛盾激化后再处理"], [1], "核心是把矛盾化解在基层、化解在萌芽状态。"),
            new(QuestionKind.Multiple, "调解邻里纠纷时，下列做法正确的有哪些？", ["先听双方把话说完", "弄清事实和各自诉求", "替当事人作出决定", "达成协议后形成书面调解书"], [0, 1, 3], "调解要先听后讲，尊重当事人意愿，达成协议的应形成书面材料。"),
            new(QuestionKind.TrueFalse, "网格员发现安全隐患后，应按流程及时上报。", [], [0], "发现隐患、纠纷和群众诉求都要按流程上报，做到件件有着落。"),
            new(QuestionKind.Single, "涉及村民切身利益的事项，决策前应当怎样做？", ["由村书记一人决定", "充分听取村民意见，再按程序决策", "等上级通知", "只在村委会内部讨论"], [1], "群众的事由群众商量着办，协商后按程序决策。"),
            new(QuestionKind.TrueFalse, "排查出的矛盾纠纷不需要登记，记在心里即可。", [], [1], "排查出的问题要登记台账，明确责任人和办结时限。"),
            new(QuestionKind.Multiple, "网格员的日常工作包括哪些？", ["熟悉网格内住户", "采集更新信息", "上报群众诉求", "代替村民签署协议"], [0, 1, 2], "网格员服务群众，但不能代替村民作决定。"),
        ],
        [CourseCategory.LawsAndRegulations] =
        [
            new(QuestionKind.Single, "村务公开中，一般事项至少多久公布一次？", ["每月", "每季度", "每半年", "每年"], [1], "一般事项至少每季度公布一次，财务往来较多的应每月公布。"),
            new(QuestionKind.Multiple, "下列哪些事项应当经村民会议或村民代表会议讨论决定？", ["集体经济项目", "土地承包方案", "宅基地使用方案", "村干部个人休假"], [0, 1, 2], "涉及村民利益的重要事项应当民主决策。"),
            new(QuestionKind.TrueFalse, "村民委员会是基层群众性自治组织。", [], [0], "村民委员会是村民自我管理、自我教育、自我服务的基层群众性自治组织。"),
            new(QuestionKind.Single, "集体资产的发包、出租，应当怎样进行？", ["私下协商", "公开进行，合同经审核备案", "由承包人决定", "口头约定即可"], [1], "集体资产处置要公开进行，合同要审核并备案。"),
            new(QuestionKind.TrueFalse, "遇到拿不准的法律问题，村干部可以凭经验直接拍板。", [], [1], "应当及时咨询村法律顾问，重要决定留有书面记录。"),
            new(QuestionKind.Single, "村民对村务公开内容有疑问时，由谁负责解释？", ["村民委员会", "乡镇政府", "村民自己查询", "任何人都不必解释"], [0], "村民委员会应当负责解释。"),
        ],
        [CourseCategory.PartyBuilding] =
        [
            new(QuestionKind.Single, "党支部委员会一般多久召开一次？", ["每周", "每月", "每季度", "每年"], [1], "支委会一般每月召开一次。"),
            new(QuestionKind.Single, "党课每年不少于几次？", ["一次", "两次", "四次", "六次"], [1], "党课每年不少于两次。"),
            new(QuestionKind.Multiple, "“三会一课”中的“三会”指哪些？", ["支部党员大会", "支部委员会", "党小组会", "村民代表会议"], [0, 1, 2], "“三会”是支部党员大会、支委会和党小组会。"),
            new(QuestionKind.TrueFalse, "村里的重大事项应当先提交村党组织研究。", [], [0], "确保党的领导贯穿村级治理全过程。"),
            new(QuestionKind.TrueFalse, "发展党员时，公示环节可以省略。", [], [1], "发展党员要严格程序，公示要到位。"),
            new(QuestionKind.Multiple, "主题党日可以开展哪些活动？", ["政策宣传", "环境整治", "关爱老人志愿服务", "组织赌博娱乐"], [0, 1, 2], "主题党日要贴近群众需要，让党员亮身份、作表率。"),
        ],
    };
}
