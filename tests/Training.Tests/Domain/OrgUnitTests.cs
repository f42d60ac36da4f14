using Training.Core.Domain;

namespace Training.Tests.Domain;

public class OrgUnitTests
{
    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");

    [Fact]
    public void Should_build_the_path_from_the_city_down()
    {
        var village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

        Assert.Equal("/440100/", City.Path);
        Assert.Equal("/440100/440111/", District.Path);
        Assert.Equal("/440100/440111/440111103/", Township.Path);
        Assert.Equal("/440100/440111/440111103/440111103201/", village.Path);
        Assert.Equal(OrgLevel.Village, village.Level);
        Assert.Same(Township, village.Parent);
    }

    [Theory]
    [InlineData(OrgLevel.City, 6)]
    [InlineData(OrgLevel.District, 6)]
    [InlineData(OrgLevel.Township, 9)]
    [InlineData(OrgLevel.Village, 12)]
    public void Should_use_the_code_length_of_each_level(OrgLevel level, int length)
    {
        Assert.Equal(length, level.CodeLength());
    }

    [Theory]
    [InlineData("4401")]
    [InlineData("4401011")]
    [InlineData("44011A")]
    [InlineData("")]
    public void Should_reject_a_district_code_that_is_not_6_digits(string code)
    {
        var ex = Assert.Throws<DomainException>(() => OrgUnit.CreateChild(City, code, "某区"));

        Assert.Contains("区代码应为 6 位数字", ex.Message);
    }

    [Theory]
    [InlineData("440111")]
    [InlineData("4401111030")]
    [InlineData("44011110X")]
    public void Should_reject_a_township_code_that_is_not_9_digits(string code)
    {
        var ex = Assert.Throws<DomainException>(() => OrgUnit.CreateChild(District, code, "某镇"));

        Assert.Contains("镇街代码应为 9 位数字", ex.Message);
    }

    [Theory]
    [InlineData("440111103")]
    [InlineData("4401111032011")]
    public void Should_reject_a_village_code_that_is_not_12_digits(string code)
    {
        var ex = Assert.Throws<DomainException>(() => OrgUnit.CreateChild(Township, code, "某村委会", VillageKind.Village));

        Assert.Contains("村社区代码应为 12 位数字", ex.Message);
    }

    [Fact]
    public void Should_reject_a_city_code_that_is_not_6_digits()
    {
        Assert.Throws<DomainException>(() => OrgUnit.CreateCity("4401", "广州市"));
    }

    [Fact]
    public void Should_require_the_kind_of_a_village_and_only_of_a_village()
    {
        var noKind = Assert.Throws<DomainException>(() => OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会"));
        var kindOnTownship = Assert.Throws<DomainException>(() => OrgUnit.CreateChild(District, "440111104", "钟落潭镇", VillageKind.Village));

        Assert.Contains("必须注明类型", noKind.Message);
        Assert.Contains("只有村社区才有类型", kindOnTownship.Message);
    }

    [Fact]
    public void Should_not_create_anything_below_a_village()
    {
        var village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

        var ex = Assert.Throws<DomainException>(() => OrgUnit.CreateChild(village, "440111103201", "某组", VillageKind.Village));

        Assert.Contains("不能再设下级组织", ex.Message);
    }

    [Theory]
    [InlineData("汉塘村委会", VillageKind.Village)]
    [InlineData("新庄村民委员会", VillageKind.Village)]
    [InlineData("沙面社区居委会", VillageKind.Community)]
    [InlineData("白云新城社区", VillageKind.Community)]
    [InlineData("村委会社区居委会", VillageKind.Community)] // the ending decides, not the word anywhere
    public void Should_tell_village_from_community_by_the_name_ending(string name, VillageKind kind)
    {
        Assert.Equal(kind, OrgUnit.KindFromName(name));
    }

    [Fact]
    public void Should_contain_its_descendants_and_nothing_else()
    {
        var village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);
        var otherDistrict = OrgUnit.CreateChild(City, "440103", "荔湾区");
        // A neighbouring district's township: its code begins with the same four digits.
        var lookalike = OrgUnit.CreateChild(OrgUnit.CreateChild(City, "440112", "黄埔区"), "440112103", "某街道");

        Assert.True(City.Contains(village));
        Assert.True(District.Contains(village));
        Assert.True(Township.Contains(village));
        Assert.True(village.Contains(village));
        Assert.False(otherDistrict.Contains(village));
        Assert.False(District.Contains(lookalike));
        Assert.False(village.Contains(Township));
    }

    [Fact]
    public void Should_give_key_posts_to_villages_only()
    {
        var village = OrgUnit.CreateChild(Township, "440111103201", "汉塘村委会", VillageKind.Village);

        Assert.Equal(OrgUnit.DefaultKeyPosts, village.KeyPosts);
        Assert.Equal(0, Township.KeyPosts);
        village.SetKeyPosts(3);
        Assert.Equal(3, village.KeyPosts);
        Assert.Throws<DomainException>(() => Township.SetKeyPosts(1));
        Assert.Throws<DomainException>(() => village.SetKeyPosts(-1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_reject_a_blank_name(string name)
    {
        var ex = Assert.Throws<DomainException>(() => OrgUnit.CreateChild(City, "440113", name));

        Assert.Contains("组织名称不能为空", ex.Message);
    }
}
