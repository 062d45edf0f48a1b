namespace KhuyenCong.Web.Tests.Pages.Program;

/// <summary>
/// Key figures of Quyết định 1625/QĐ-UBND typed by hand from the decision (million VND), independently of the
/// content files and of the importer's parsing. The page, the API and the CSV files must show exactly these.
/// </summary>
public static class DecisionFixture
{
    /// <summary>Appendix 2, row "Tổng kinh phí": year → (total, KCQG, KCĐP, vốn đối ứng); 0 = the whole period.</summary>
    public static readonly Dictionary<int, (long Total, long National, long Local, long Beneficiary)> Appendix2Total = new()
    {
        [0] = (175_155, 19_525, 22_335, 133_295),
        [2021] = (32_105, 3_715, 4_297, 24_095),
        [2022] = (36_095, 4_095, 4_395, 27_605),
        [2023] = (34_735, 3_595, 4_435, 26_705),
        [2024] = (36_550, 4_000, 4_545, 28_005),
        [2025] = (35_670, 4_120, 4_665, 26_885),
    };

    /// <summary>Appendix 2, groups I–VI, whole period: (total, KCQG, KCĐP, vốn đối ứng).</summary>
    public static readonly Dictionary<string, (long Total, long National, long Local, long Beneficiary)> Appendix2Groups = new()
    {
        ["I"] = (159_650, 14_500, 17_250, 127_900),
        ["II"] = (4_635, 2_240, 1_700, 695),
        ["III"] = (6_200, 2_500, 0, 3_700),
        ["IV"] = (985, 285, 700, 0),
        ["V"] = (2_420, 0, 1_420, 1_000),
        ["VI"] = (1_265, 0, 1_265, 0),
    };

    /// <summary>A few lines of Appendix 2 with their 2021 and period totals.</summary>
    public static readonly Dictionary<string, (long Period, long Y2021)> Appendix2Lines = new()
    {
        ["I.1"] = (75_000, 15_000),
        ["I.3"] = (70_500, 13_500),
        ["II.2"] = (2_800, 1_400),
        ["III.2"] = (3_200, 0),
        ["V.2"] = (420, 220),
        ["VI.6"] = (650, 132),
    };

    /// <summary>Section V.2 table: year → (KCQG, KCĐP, đóng góp, tổng cộng); 0 = "Tổng cộng".</summary>
    public static readonly Dictionary<int, (long National, long Local, long Beneficiary, long Total)> Section5 = new()
    {
        [2021] = (3_715, 4_295, 24_095, 32_105),
        [2022] = (4_095, 4_395, 27_605, 36_095),
        [2023] = (3_595, 4_435, 26_705, 34_735),
        [2024] = (4_000, 4_545, 28_005, 36_550),
        [2025] = (4_120, 4_665, 26_885, 35_670),
        [0] = (19_525, 22_335, 133_295, 175_155),
    };

    /// <summary>Appendix 1 (2016–2020): year → (total, KCQG, KCĐP, đối ứng, khác); 0 = "Tổng cộng".</summary>
    public static readonly Dictionary<int, (long Total, long National, long Local, long Beneficiary, long Other)> Appendix1 = new()
    {
        [2016] = (68_717, 2_085, 1_126, 65_506, 0),
        [2017] = (7_437, 1_280, 1_545, 4_612, 0),
        [2018] = (9_906, 1_000, 2_183, 6_723, 0),
        [2019] = (27_446, 3_000, 2_693, 21_753, 0),
        [2020] = (10_593, 1_200, 3_875, 5_518, 0),
        [0] = (124_099, 8_565, 11_422, 104_112, 0),
    };

    /// <summary>Targets of sections II.2 and IV: code → (min, max).</summary>
    public static readonly Dictionary<string, (int Min, int? Max)> Targets = new()
    {
        ["mo-hinh-trinh-dien"] = (5, null),
        ["san-xuat-sach-hon"] = (4, null),
        ["may-moc-tien-tien"] = (90, 100),
        ["xu-ly-o-nhiem-co-so"] = (10, null),
        ["binh-chon-cap-tinh"] = (2, null),
        ["hoi-cho"] = (2, null),
        ["tham-gia-hoi-cho"] = (90, null),
        ["phong-trung-bay"] = (20, null),
        ["quy-hoach-cum-cong-nghiep"] = (4, null),
        ["xu-ly-o-nhiem-cum-cong-nghiep"] = (2, null),
        ["tap-huan-chinh-sach"] = (6, null),
        ["khoa-dao-tao"] = (10, 12),
        ["tu-van"] = (50, null),
        ["chuyen-muc-truyen-hinh"] = (20, null),
        ["bai-viet"] = (1000, null),
    };
}
