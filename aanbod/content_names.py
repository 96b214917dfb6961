"""The names of the pillars, the demo themes and the languages in every interface language, and
the search synonyms the catalogue starts with, in one place.

Migration 0015 writes them into the rows that exist (and adds the synonyms); ``load_demo``
gives the themes and languages it creates their names from here. Coordinators change them
afterwards in the admin. Languages are named as each interface language names them ("arabe" on
a French page); the Dutch names are the rows' own ``name``.
"""

# slug → (the name for parents in Dutch, {language: that name in the language})
PILLAR_NAMES = {
    "onthaal-en-informatie": (
        "Vragen en informatie",
        {
            "fr": "Questions et informations",
            "en": "Questions and information",
            "ar": "أسئلة ومعلومات",
            "tr": "Sorular ve bilgi",
            "uk": "Запитання та інформація",
        },
    ),
    "consultatie": (
        "Consultatie bij arts of verpleegkundige",
        {
            "fr": "Consultation chez un médecin ou une infirmière",
            "en": "Check-ups with a doctor or nurse",
            "ar": "استشارة لدى طبيب أو ممرضة",
            "tr": "Doktor veya hemşire muayenesi",
            "uk": "Консультація в лікаря або медсестри",
        },
    ),
    "spel-en-ontmoeting": (
        "Spelen en andere ouders ontmoeten",
        {
            "fr": "Jouer et rencontrer d’autres parents",
            "en": "Play and meet other parents",
            "ar": "اللعب ولقاء أولياء أمور آخرين",
            "tr": "Oynamak ve diğer ebeveynlerle tanışmak",
            "uk": "Гра та зустрічі з іншими батьками",
        },
    ),
    "opvoedadvies": (
        "Advies over opvoeden",
        {
            "fr": "Conseils sur l’éducation",
            "en": "Advice on parenting",
            "ar": "نصائح حول التربية",
            "tr": "Çocuk yetiştirme konusunda tavsiye",
            "uk": "Поради щодо виховання",
        },
    ),
    "groepsaanbod": (
        "Infoavonden, workshops en oudergroepen",
        {
            "fr": "Soirées d’information, ateliers et groupes de parents",
            "en": "Information evenings, workshops and parent groups",
            "ar": "أمسيات إعلامية وورش عمل ومجموعات لأولياء الأمور",
            "tr": "Bilgilendirme akşamları, atölyeler ve ebeveyn grupları",
            "uk": "Інформаційні вечори, майстер-класи та батьківські групи",
        },
    ),
    "extra-aanbod": (
        "Ander aanbod",
        {
            "fr": "Autres offres",
            "en": "Other offers",
            "ar": "خدمات أخرى",
            "tr": "Diğer hizmetler",
            "uk": "Інші пропозиції",
        },
    ),
}

# slug → {language: name}, for the themes of the demo data (huisvanhetkind/demo_data.py).
THEME_NAMES = {
    "zwangerschap-en-geboorte": {
        "fr": "Grossesse et naissance",
        "en": "Pregnancy and birth",
        "ar": "الحمل والولادة",
        "tr": "Hamilelik ve doğum",
        "uk": "Вагітність і пологи",
    },
    "voeding-en-borstvoeding": {
        "fr": "Alimentation et allaitement",
        "en": "Food and breastfeeding",
        "ar": "التغذية والرضاعة الطبيعية",
        "tr": "Beslenme ve emzirme",
        "uk": "Харчування та грудне вигодовування",
    },
    "slapen": {"fr": "Sommeil", "en": "Sleep", "ar": "النوم", "tr": "Uyku", "uk": "Сон"},
    "gezondheid": {
        "fr": "Santé",
        "en": "Health",
        "ar": "الصحة",
        "tr": "Sağlık",
        "uk": "Здоров’я",
    },
    "ontwikkeling-en-spel": {
        "fr": "Développement et jeu",
        "en": "Development and play",
        "ar": "النمو واللعب",
        "tr": "Gelişim ve oyun",
        "uk": "Розвиток і гра",
    },
    "opvoeding": {
        "fr": "Éducation",
        "en": "Parenting",
        "ar": "التربية",
        "tr": "Çocuk yetiştirme",
        "uk": "Виховання",
    },
    "scheiding": {
        "fr": "Séparation",
        "en": "Separation and divorce",
        "ar": "الانفصال والطلاق",
        "tr": "Ayrılık ve boşanma",
        "uk": "Розлучення",
    },
    "geldzorgen": {
        "fr": "Soucis d’argent",
        "en": "Money worries",
        "ar": "مشاكل مالية",
        "tr": "Para sıkıntısı",
        "uk": "Фінансові труднощі",
    },
    "school": {"fr": "École", "en": "School", "ar": "المدرسة", "tr": "Okul", "uk": "Школа"},
    "vrije-tijd": {
        "fr": "Loisirs",
        "en": "Leisure",
        "ar": "أوقات الفراغ",
        "tr": "Boş zaman",
        "uk": "Дозвілля",
    },
    "mentaal-welzijn": {
        "fr": "Bien-être mental",
        "en": "Mental well-being",
        "ar": "الصحة النفسية",
        "tr": "Ruh sağlığı",
        "uk": "Психічне здоров’я",
    },
    "kinderopvang": {
        "fr": "Garde d’enfants",
        "en": "Childcare",
        "ar": "رعاية الأطفال",
        "tr": "Çocuk bakımı",
        "uk": "Догляд за дітьми",
    },
    "huiswerk": {
        "fr": "Devoirs",
        "en": "Homework",
        "ar": "الواجبات المدرسية",
        "tr": "Ev ödevi",
        "uk": "Домашні завдання",
    },
    "pubers": {
        "fr": "Adolescents",
        "en": "Teenagers",
        "ar": "المراهقون",
        "tr": "Ergenler",
        "uk": "Підлітки",
    },
    "taal": {
        "fr": "Langue et multilinguisme",
        "en": "Language and multilingualism",
        "ar": "اللغة وتعدد اللغات",
        "tr": "Dil ve çok dillilik",
        "uk": "Мова та багатомовність",
    },
}

# ISO 639-1 code → {language: the language's name in that language}.
LANGUAGE_NAMES = {
    "nl": {
        "fr": "néerlandais",
        "en": "Dutch",
        "ar": "الهولندية",
        "tr": "Felemenkçe",
        "uk": "нідерландська",
    },
    "fr": {
        "fr": "français",
        "en": "French",
        "ar": "الفرنسية",
        "tr": "Fransızca",
        "uk": "французька",
    },
    "en": {
        "fr": "anglais",
        "en": "English",
        "ar": "الإنجليزية",
        "tr": "İngilizce",
        "uk": "англійська",
    },
    "ar": {"fr": "arabe", "en": "Arabic", "ar": "العربية", "tr": "Arapça", "uk": "арабська"},
    "tr": {"fr": "turc", "en": "Turkish", "ar": "التركية", "tr": "Türkçe", "uk": "турецька"},
    "es": {
        "fr": "espagnol",
        "en": "Spanish",
        "ar": "الإسبانية",
        "tr": "İspanyolca",
        "uk": "іспанська",
    },
    "pl": {"fr": "polonais", "en": "Polish", "ar": "البولندية", "tr": "Lehçe", "uk": "польська"},
    "ro": {
        "fr": "roumain",
        "en": "Romanian",
        "ar": "الرومانية",
        "tr": "Rumence",
        "uk": "румунська",
    },
    "ru": {"fr": "russe", "en": "Russian", "ar": "الروسية", "tr": "Rusça", "uk": "російська"},
    "uk": {
        "fr": "ukrainien",
        "en": "Ukrainian",
        "ar": "الأوكرانية",
        "tr": "Ukraynaca",
        "uk": "українська",
    },
    "so": {"fr": "somali", "en": "Somali", "ar": "الصومالية", "tr": "Somalice", "uk": "сомалі"},
    "ti": {
        "fr": "tigrigna",
        "en": "Tigrinya",
        "ar": "التغرينية",
        "tr": "Tigrinya",
        "uk": "тигринья",
    },
    "fa": {
        "fr": "persan (dari)",
        "en": "Persian (Dari)",
        "ar": "الفارسية (الدارية)",
        "tr": "Farsça (Darice)",
        "uk": "перська (дарі)",
    },
}

# language → {what people type: the Dutch words to search for as well}. Among them the example
# words of the search box in each language ("e.g. breastfeeding, sleep, homework help",
# translated in the catalogues), so that they always find offers. The terms are stored as the
# search compares them (aanbod.search.synonym_key: lower case, no accents, words only).
SEARCH_SYNONYMS = {
    "nl": {
        "huiswerkbegeleiding": "huiswerk huiswerkbegeleiding",
        "slaap": "slapen slaap",
        "zwanger": "zwangerschap zwanger",
    },
    "fr": {
        "allaitement": "borstvoeding",
        "sommeil": "slapen slaap",
        "dormir": "slapen slaap",
        "aide aux devoirs": "huiswerk huiswerkbegeleiding",
        "devoirs": "huiswerk",
        "grossesse": "zwangerschap zwanger",
        "enceinte": "zwangerschap zwanger",
        "bébé": "baby",
        "éducation": "opvoeding opvoeden",
        "jouer": "spelen spel",
        "séparation": "scheiding",
        "divorce": "scheiding",
        "garde d’enfants": "kinderopvang",
        "crèche": "kinderopvang",
        "vaccination": "vaccinatie consultatie",
        "adolescents": "pubers tieners",
    },
    "en": {
        "breastfeeding": "borstvoeding",
        "sleep": "slapen slaap",
        "homework help": "huiswerk huiswerkbegeleiding",
        "homework": "huiswerk",
        "pregnancy": "zwangerschap zwanger",
        "pregnant": "zwangerschap zwanger",
        "parenting": "opvoeding opvoeden",
        "play": "spelen spel",
        "divorce": "scheiding",
        "childcare": "kinderopvang",
        "vaccination": "vaccinatie consultatie",
        "teenagers": "pubers tieners",
    },
    "ar": {
        "الرضاعة الطبيعية": "borstvoeding",
        "الرضاعة": "borstvoeding",
        "النوم": "slapen slaap",
        "نوم": "slapen slaap",
        "المساعدة في الواجبات المدرسية": "huiswerk huiswerkbegeleiding",
        "الواجبات المدرسية": "huiswerk huiswerkbegeleiding",
        "الواجبات": "huiswerk",
        "الحمل": "zwangerschap zwanger",
        "التربية": "opvoeding opvoeden",
    },
    "tr": {
        "emzirme": "borstvoeding",
        "anne sütü": "borstvoeding",
        "uyku": "slapen slaap",
        "ödev yardımı": "huiswerk huiswerkbegeleiding",
        "ödev": "huiswerk",
        "ev ödevi": "huiswerk",
        "hamilelik": "zwangerschap zwanger",
        "çocuk yetiştirme": "opvoeding opvoeden",
    },
    "uk": {
        "грудне вигодовування": "borstvoeding",
        "годування груддю": "borstvoeding",
        "сон": "slapen slaap",
        "допомога з домашніми завданнями": "huiswerk huiswerkbegeleiding",
        "домашні завдання": "huiswerk",
        "вагітність": "zwangerschap zwanger",
        "виховання": "opvoeding opvoeden",
    },
}
