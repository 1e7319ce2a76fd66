"""Cues in Turkish.

Written in Turkish spelling, so a reader can check them, and folded when the lexicon loads
the way ``text.fold`` folds every text ("sözleşme yenileme" becomes "soezlesme yenileme",
dotless "ı" an "i"). The cue syntax is the lexicon's (``cues``); Turkish adds its case and
possessive endings to the word ("toplantı", "toplantısı", "toplantıya"), so most cues are
stems with ``*`` or the few forms a calendar uses, written out.

Written from general knowledge of how meetings are named in Turkish, not from any data set,
for the commonest kinds of meeting, topics and off-work entries, as the other languages'
cues were. Words with a second everyday meaning are left out or pinned down: "keşif" is any
exploring, so only a site's "saha keşfi" or "keşif ziyareti" is a survey; "yenileme" is also
a passport's or a licence plate's renewal, and those errands are listed as personal;
"bakım" is also personal care ("cilt bakımı"), so only a service's "bakım" phrases count;
"servis" is also the company's shuttle bus, so only a service's "teknik servis" or "servis
ziyareti" counts; "göç" is people's migration, not data's.
"""

from __future__ import annotations

from core.ranking.lexicon.cues import language_table

_CUES: dict[str, str] = {
    "kind:discovery": """
        tanışma=, tanışma toplantısı, tanışma görüşmesi, ilk görüşme, ilk toplantı,
        ilk temas, ihtiyaç analizi, keşif görüşmesi""",
    "kind:demo": """
        ürün gösterimi, canlı gösterim, sistem gösterimi, yazılım gösterimi, ürün demosu,
        demo toplantısı""",
    "kind:presentation": """
        sunum=, sunumu=, sunumlar=, sunuma=, sunumun=, firma tanıtımı, ürün tanıtımı,
        şirket tanıtımı, tanıtım sunumu""",
    "kind:negotiation": """
        pazarlık*, müzakere*, son teklif, nihai teklif, fiyat görüşmesi, fiyat pazarlığı,
        indirim talebi""",
    "kind:contract": """
        sözleşme=, sözleşmesi=, sözleşmenin=, sözleşmeyi=, sözleşmeler*, sözleşme taslağı,
        sözleşme imzası, sözleşme imzalama, çerçeve sözleşme""",
    "kind:renewal": """
        yenileme=, yenilemesi=, yenilenmesi=, sözleşme yenileme, sözleşme uzatma,
        sözleşmenin uzatılması, lisans yenileme, sertifika yenileme, süre uzatımı""",
    "kind:business_review": """
        yıllık değerlendirme, yıl sonu değerlendirme*, çeyrek değerlendirme*,
        çeyreklik değerlendirme*, dönem değerlendirme*, yıllık görüşme, iş değerlendirme
        toplantısı""",
    "kind:kickoff": """
        başlangıç toplantısı, proje başlangıcı, açılış toplantısı, proje açılışı,
        proje başlatma""",
    "kind:reference": """
        referans ziyareti, referans görüşmesi, referans araması""",
    "kind:site_survey": """
        saha keşfi, yerinde keşif, keşif ziyareti, saha incelemesi, yerinde inceleme,
        saha ölçümü, yerinde ölçüm""",
    "setting:onsite": """
        ziyaret=, ziyareti=, ziyarete=, ziyaretimiz=, müşteri ziyareti, fabrika ziyareti,
        tesis ziyareti, saha ziyareti, fabrika turu, tesis turu, fabrika gezisi, sahada""",
    "kind:installation": """
        kurulum=, kurulumu=, kuruluma=, montaj=, montajı=, devreye alma, devreye alınması,
        teslim alma, kabul testi""",
    "kind:training": """
        eğitim=, eğitimi=, eğitime=, eğitimler*, kullanıcı eğitimi, seminer*""",
    "kind:support": """
        şikayet*, şikâyet*, reklamasyon*, itiraz*, arıza=, arızası=, arızalar*,
        uygunsuzluk*, eskalasyon*""",
    "kind:service": """
        teknik servis, servis ziyareti, servis sözleşmesi, bakım sözleşmesi, bakım ziyareti,
        periyodik bakım, bakım onarım, yedek parça*""",
    "kind:event": """
        fuar=, fuarı=, fuarda=, fuara=, fuarlar*, fuar sonrası, fuar standı, standımızda,
        kongre*, stand hazırlığı, stand hazırlık*, stand planı, stand toplantı*, fuar
        hazırlığı""",
    "kind:pilot": """
        işletme denemesi, işletme denemeleri, üretim denemesi, üretim denemeleri, saha
        denemesi, deneme üretimi""",
    "kind:tender": """
        ihale*, kamu ihalesi, teklif dosyası, şartname*""",
    "kind:bid_review": """
        teklif incelemesi, teklif değerlendirme toplantısı, iç teklif incelemesi""",
    "kind:technical": """
        teknik toplantı, teknik görüşme, teknik değerlendirme""",
    "kind:team": """
        ekip toplantısı, satış toplantısı, haftalık toplantı, departman toplantısı,
        bölüm toplantısı""",
    "kind:forecast": """
        satış tahmini, satış tahminleri, tahmin toplantısı, pipeline gözden geçirme,
        satış hunisi""",
    "kind:one_on_one": """
        birebir=, birebir görüşme, bire bir""",
    "kind:interview": """
        iş görüşmesi, mülakat*, aday görüşmesi""",
    "kind:planning": """
        planlama=, planlaması=, planlama toplantısı, hesap planlaması, müşteri planlaması,
        yıllık planlama, bütçe planlaması, satış planlaması""",
    "topic:pricing": """
        fiyat=, fiyatı=, fiyatlar*, fiyatlandırma*, fiyat teklifi, teklif=, teklifi=,
        teklifin=, teklifler*, indirim*, iskonto*, fiyat listesi""",
    "topic:competition": """
        rakip*, rekabet*""",
    "topic:budget": """
        bütçe*, finansman*, hibe*, teşvik*""",
    "topic:payment": """
        ödeme=, ödemesi=, ödemeler*, ödeme koşulları, vade=, vadesi=, tahsilat*, fatura=,
        faturası=, faturalar*""",
    "topic:compliance": """
        denetim*, sertifikasyon*, belgelendirme*, akreditasyon*, mevzuat*""",
    "topic:follow_up": """
        takip=, takibi=, takip görüşmesi, takip toplantısı""",
    "topic:integration": """
        entegrasyon*""",
    "topic:migration": """
        veri taşıma, veri aktarımı, verilerin taşınması""",
    "offwork:personal": """
        diş hekimi, dişçi*, doktor randevusu, hastane randevusu, kuaför*, berber*,
        doğum günü, pasaport yenileme, ehliyet yenileme, kimlik yenileme, araç muayenesi,
        araba servisi, veli toplantısı, spor salonu, yıllık izin, izinli""",
    "offwork:home": """
        evde=, kasko=, kaskosu=, konut sigortası, ev sigortası, araç sigortası, trafik
        sigortası, dask poliçesi, kira sözleşmem, ev kirası""",
    "offwork:travel": """
        uçuş=, uçuşu=, havalimanı*, havaalanı*, trenle=, tren bileti, tren yolculuğu,
        otel=, oteli=, otele=""",
    "offwork:company": """
        yılbaşı partisi, yılbaşı kutlaması, şirket yemeği, yeni yıl partisi, iftar
        yemeği""",
}

CUES = language_table(_CUES)
