using SkinBot.Core.Domain;

namespace SkinBot.Core.Tests.Domain;

public sealed class DomainNamesTests
{
    [Theory]
    [InlineData("ice pick", "ice_pick")]
    [InlineData("icepick", "ice_pick")]
    [InlineData("Ice-Pick scars", "ice_pick")]
    [InlineData("ice_pick", "ice_pick")]
    [InlineData("box car", "boxcar")]
    [InlineData("BOXCAR SCAR", "boxcar")]
    [InlineData("rolling", "rolling")]
    [InlineData("keloid", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Ways_of_writing_a_scar_type_read_as_its_wire_name(string? value, string? name)
    {
        Assert.Equal(name, ScarTypeNames.Parse(value)?.ToName());
    }

    [Theory]
    [InlineData("at home", "at_home")]
    [InlineData("at_home", "at_home")]
    [InlineData("DIY", "at_home")]
    [InlineData("in-office", "in_office")]
    [InlineData("clinic", "in_office")]
    [InlineData("derm", "in_office")]
    [InlineData("both", "all")]
    [InlineData("garage", null)]
    [InlineData(null, null)]
    public void Ways_of_writing_a_setting_read_as_its_wire_name(string? value, string? name)
    {
        Assert.Equal(name, TreatmentSettingNames.Parse(value)?.ToName());
    }

    [Fact]
    public void Every_scar_type_survives_the_round_trip_through_its_wire_name()
    {
        Assert.Equal(Enum.GetValues<ScarType>(), ScarTypeNames.All);
        Assert.All(ScarTypeNames.All, type => Assert.Equal(type, ScarTypeNames.FromName(type.ToName())));
    }

    [Theory]
    [InlineData("ice pick")]
    [InlineData("Rolling")]
    [InlineData("Retinol")]
    public void Only_exact_wire_names_are_read_back_from_storage(string stored)
    {
        Assert.Null(ScarTypeNames.FromName(stored));
    }

    [Fact]
    public void Only_the_two_lists_are_a_setting_in_intents_and_corpus()
    {
        Assert.Equal(TreatmentSetting.AtHome, TreatmentSettingNames.ParseList("at_home"));
        Assert.Equal(TreatmentSetting.InOffice, TreatmentSettingNames.ParseList("in_office"));
        Assert.Null(TreatmentSettingNames.ParseList("all"));
        Assert.Null(TreatmentSettingNames.ParseList("home"));
    }

    [Theory]
    [InlineData(TreatmentSetting.AtHome, IntentIds.TreatmentAtHome)]
    [InlineData(TreatmentSetting.InOffice, IntentIds.TreatmentInOffice)]
    [InlineData(TreatmentSetting.All, IntentIds.TreatmentAny)]
    [InlineData(null, IntentIds.TreatmentAny)]
    public void Each_setting_is_answered_by_one_treatment_intent(TreatmentSetting? setting, string intent)
    {
        Assert.Equal(intent, IntentIds.ForSetting(setting));
    }
}
