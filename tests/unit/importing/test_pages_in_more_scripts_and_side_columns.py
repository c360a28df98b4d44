"""Section pages in Norwegian, Finnish, Indonesian, Russian, Japanese and Korean; a second
page whose labels run in a narrow column beside the story; a converted page's identifier line
styled as a footer. Everything here is invented."""

from __future__ import annotations

from datetime import date

from app.domain.model import OutputKind
from app.importing import parse_text
from app.importing.html_text import html_to_text
from app.importing.languages import detect_language

JAPANESE_PAGE = """ホーム ＞ アクションに参加する ＞ 緊急行動（UA）

ミャンマー：拘束された教師に拷問の恐れ
2022年6月3日
UA 45/22　国際事務局文書番号：EUR 99/5590/2022

教師のアンナ・エクセンペルさんは、2022年5月21日、自宅で警察に拘束されました。家族は拘束先を
知らされておらず、弁護士との面会も認められていません。

名前：Anna Exempel（アンナ・エクセンペル）

以下の宛先に、英語またはロシア語で手紙を送ってください。
締め切り：2022年7月15日

宛先：
Minister of the Interior
Jan Beispiel
Ministry of the Interior
1 Example Square, Strelsau
Ruritania
Email: minister@interior.example
敬称：Dear Minister

写しの送付先：
駐日大使館
"""

RUSSIAN_PAGE = """СРОЧНАЯ АКЦИЯ
БЕЛАРУСЬ: УЧИТЕЛЮ ГРОЗИТ ТРИ ГОДА ЗАКЛЮЧЕНИЯ
UA 12/21   Индекс: EUR 49/0001/2021   Дата: 14 сентября 2021 г.

Учителя Ивана Примерова задержали 27 августа 2021 года после уличного концерта. Ему предъявлено
обвинение в «оскорблении представителя власти».

Генеральный прокурор Республики Беларусь
Пётр Петрович Образцов
ул. Примерная, 1
220030, г. Минск
Беларусь
Эл. почта: info@prosecutor.example

Уважаемый Генеральный прокурор,
Прошу немедленно освободить Ивана Примерова.
С уважением,

ПРЕДПОЧТИТЕЛЬНЫЙ ЯЗЫК ОБРАЩЕНИЯ: белорусский, русский, английский

ПОЖАЛУЙСТА, ДЕЙСТВУЙТЕ КАК МОЖНО СКОРЕЕ, ДО: 26 октября 2021 г.

ИМЯ И МЕСТОИМЕНИЕ: Иван Примеров (он)
"""

SIDE_COLUMN_PAGE = """URGENT ACTION
TEACHER FACES TREASON CHARGE
Anna Exempel, a teacher in Strelsau, was arrested on 4 May 2022 after she led a strike.

ADDITIONAL INFORMATION
Teachers in Ruritania have staged several strikes since         PREFERRED LANGUAGE TO ADDRESS
2019 over unpaid salaries and the lack of school books; in      TARGET:
March 2022 the government announced that striking workers       English, German
could be prosecuted under the public order law.
                                                                 PLEASE TAKE ACTION AS SOON AS
Anna Exempel had spoken on local radio about the closure of     POSSIBLE UNTIL:
three village schools, and her lawyer says that the charge      25 August 2022
is based solely on a speech she gave to striking teachers.

UA: 71/22 Index: EUR 99/5802/2022 Ruritania Date: 30 May 2022
"""


def test_a_japanese_page_gives_its_dates_headline_person_languages_and_official() -> None:
    parsed = parse_text(JAPANESE_PAGE, "page")
    assert parsed.ua_number == "45/22"
    assert parsed.ai_index == "EUR 99/5590/2022"
    assert parsed.title == "拘束された教師に拷問の恐れ"
    assert parsed.country == "Myanmar"
    assert parsed.issued_on == date(2022, 6, 3)
    assert parsed.deadline == date(2022, 7, 15)
    assert [p.name for p in parsed.persons] == ["Anna Exempel"]
    assert parsed.preferred_languages == ("English", "Russian")
    assert [(t.name, t.salutation) for t in parsed.targets] == [("Jan Beispiel", "Dear Minister")]
    assert parsed.document_language == "ja"


def test_a_russian_page_gives_its_dates_country_person_languages_and_official() -> None:
    parsed = parse_text(RUSSIAN_PAGE, "page")
    assert parsed.title == "УЧИТЕЛЮ ГРОЗИТ ТРИ ГОДА ЗАКЛЮЧЕНИЯ"
    assert parsed.country == "Belarus"
    assert parsed.issued_on == date(2021, 9, 14)
    assert parsed.deadline == date(2021, 10, 26)
    assert [p.name for p in parsed.persons] == ["Иван Примеров"]
    assert parsed.preferred_languages == ("Belarusian", "Russian", "English")
    (official,) = parsed.targets
    assert official.name == "Пётр Петрович Образцов"
    assert official.address == "ул. Примерная, 1, 220030, г. Минск, Беларусь"
    assert official.email == "info@prosecutor.example"
    assert parsed.document_language == "ru"


def test_nordic_and_indonesian_pages_are_told_apart_from_danish_and_italian() -> None:
    norwegian = (
        "Han ble arrestert etter at han hadde ledet en streik, og familien fikk ikke vite noe."
    )
    finnish = "Hän oli kirjoittanut uutissivustolle, ja poliisi ei ole kertonut, missä hän on."
    indonesian = "Ia ditangkap di rumahnya dan belum diizinkan bertemu dengan pengacara sejak itu."
    assert detect_language(norwegian) == "no"
    assert detect_language(finnish) == "fi"
    assert detect_language(indonesian) == "id"
    assert detect_language("긴급행동: 토지권 활동가 3명 구금") == "ko"


def test_finnish_and_korean_writing_instructions_name_their_languages() -> None:
    finnish = parse_text(
        "UA 88/21\nKirjoita vetoomus venäjäksi, englanniksi tai omalla kielelläsi.\n", "page"
    )
    korean = parse_text("UA 112/24\n크메르어 또는 영어로 호소문을 보내주세요.\n", "page")
    assert finnish.preferred_languages == ("Russian", "English")
    assert korean.preferred_languages == ("Khmer", "English")


def test_indonesian_and_russian_writing_instructions_name_their_languages() -> None:
    indonesian = parse_text(
        "UA 77/23\nKirimkan permohonan Anda sebelum 14 April 2023 dalam bahasa Inggris atau "
        "bahasa Jerman.\n",
        "page",
    )
    russian = parse_text(
        "UA 5/22\nНапишите генеральному прокурору на русском, английском или немецком языке.\n",
        "page",
    )
    assert indonesian.preferred_languages == ("English", "German")
    assert indonesian.deadline == date(2023, 4, 14)
    assert russian.preferred_languages == ("Russian", "English", "German")


def test_a_column_of_labels_beside_the_story_gives_its_deadline_and_languages() -> None:
    parsed = parse_text(SIDE_COLUMN_PAGE, "page")
    assert parsed.deadline == date(2022, 8, 25)
    assert parsed.preferred_languages == ("English", "German")
    assert parsed.issued_on == date(2022, 5, 30)


def test_an_identifier_line_styled_as_a_footer_is_kept_and_the_site_footer_is_not() -> None:
    page = (
        "<html><body><article><h1>TEACHER DETAINED</h1><p>Story of the case.</p>"
        '<p class="footer">UA: 79/20 Index: EUR 99/2601/2020 Ruritania Date: 16 June 2020</p>'
        "</article><footer>Site links and the section's address</footer></body></html>"
    )
    text = html_to_text(page)
    assert "UA: 79/20 Index: EUR 99/2601/2020" in text
    assert "Site links" not in text


def test_closing_words_of_these_languages_close_the_case() -> None:
    closings = [
        "Hun ble løslatt 2. mai. Ingen flere appeller er nødvendig. Takk til alle som skrev.",
        "Hän vapautettiin 2. toukokuuta. Vetoomuksia ei enää tarvita. Kiitos kaikille.",
        "Ia dibebaskan pada 2 Mei. Tidak diperlukan tindakan lebih lanjut. Terima kasih.",
        "Её освободили 2 мая. Дальнейших действий не требуется. Спасибо всем.",
        "5月2日に釈放されました。これ以上の行動は必要ありません。",
        "5월 2일 석방되었습니다. 더 이상의 행동은 필요하지 않습니다.",
    ]
    for closing in closings:
        parsed = parse_text(f"UA 27/23\n{closing}\n", "page")
        assert parsed.kind is OutputKind.FINAL, closing
        assert not parsed.action_requested


def test_a_japanese_deadline_without_its_year_takes_the_page_date_s_year() -> None:
    page = JAPANESE_PAGE.replace("締め切り：2022年7月15日", "締め切り：7月15日")
    assert parse_text(page, "page").deadline == date(2022, 7, 15)
