"""Reference pixel-to-sky values for WorldCoordinatesTests and SampleImagesTests.

Run with Debian's astropy (apt-get install python3-astropy): /usr/bin/python3 wcs-reference.py
Pixels are 0-based (all_pix2world(..., 0)); the sample images are read from ../../../shared/data.
"""
import os
from astropy.wcs import WCS
from astropy.io import fits
import numpy as np
def mk(cards):
    h = fits.Header()
    h['NAXIS']=2; h['NAXIS1']=200; h['NAXIS2']=200
    for k,v in cards.items(): h[k]=v
    return WCS(h)
cases = {
 'SIN_CDELT': dict(CTYPE1='RA---SIN',CTYPE2='DEC--SIN',CRPIX1=100.5,CRPIX2=100.5,CRVAL1=150.0,CRVAL2=-30.0,CDELT1=-2/3600,CDELT2=2/3600),
 'TAN_CD': dict(CTYPE1='RA---TAN',CTYPE2='DEC--TAN',CRPIX1=50,CRPIX2=60,CRVAL1=10.0,CRVAL2=45.0,CD1_1=-1e-3,CD1_2=2e-4,CD2_1=3e-4,CD2_2=1e-3),
 'ARC_CROTA': dict(CTYPE1='RA---ARC',CTYPE2='DEC--ARC',CRPIX1=100,CRPIX2=100,CRVAL1=300.0,CRVAL2=60.0,CDELT1=-0.05,CDELT2=0.05,CROTA2=20.0),
 'NCP_CDELT': dict(CTYPE1='RA---NCP',CTYPE2='DEC--NCP',CRPIX1=100,CRPIX2=100,CRVAL1=250.0,CRVAL2=-40.0,CDELT1=-0.01,CDELT2=0.01),
 'CAR_PC': dict(CTYPE1='RA---CAR',CTYPE2='DEC--CAR',CRPIX1=100,CRPIX2=100,CRVAL1=30.0,CRVAL2=20.0,CDELT1=-0.1,CDELT2=0.1,PC1_1=0.9848077530,PC1_2=-0.1736481777,PC2_1=0.1736481777,PC2_2=0.9848077530),
 'SIN_POLE': dict(CTYPE1='RA---SIN',CTYPE2='DEC--SIN',CRPIX1=100,CRPIX2=100,CRVAL1=0.0,CRVAL2=-90.0,CDELT1=-0.1,CDELT2=0.1),
}
pix = [(0,0),(150,20),(199,199)]
for name,c in cases.items():
    w = mk(c)
    for (x,y) in pix:
        ra,dec = w.all_pix2world([[x,y]],0)[0]
        print(name, x, y, repr(float(ra)), repr(float(dec)))
data = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'data')
for f in [os.path.join(data, 'ScorpioS17Field.fits'), os.path.join(data, '1904-66_SIN.fits')]:
    h = fits.getheader(f)
    w = WCS(h).celestial
    print(f, h['NAXIS1'], h['NAXIS2'], h.get('BMAJ'), h.get('BMIN'), h.get('CDELT1'), h.get('CDELT2'), h.get('BUNIT'))
    for (x,y) in [(0,0),(500,500),(100,150),(999,999),(191,191)]:
        ra,dec = w.all_pix2world([[x,y]],0)[0]
        print('  ', x, y, repr(float(ra)), repr(float(dec)))
    d = fits.getdata(f).squeeze()
    iy, ix = np.unravel_index(np.nanargmax(d), d.shape)
    ra,dec = w.all_pix2world([[ix,iy]],0)[0]
    print('  max at', ix, iy, float(d[iy,ix]), float(ra), float(dec), 'nan count', int(np.isnan(d).sum()))
