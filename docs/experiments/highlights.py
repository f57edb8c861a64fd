"""The highlight selections compared in docs/analysis.md (2026-12-03), kept for the record.

Offline and rough: numpy over sentence vectors dumped once (bge-small-en-v1.5-q, the product's
OnnxSentenceEncoder, one vector per paragraph of shared/eval/summarization/articles) to
/tmp/emb/vectors.f32 with /tmp/emb/meta.json and texts.txt. The sections below were separate
scripts, each exec-ing the first; they are concatenated here unchanged. The shipped selection is
measured by `./broadsheet eval`, not by this file.
"""
import json, numpy as np, re, sys, collections
meta=json.load(open('/tmp/emb/meta.json'))
X=np.fromfile('/tmp/emb/vectors.f32',dtype='<f4').reshape(-1,384)
texts=[json.loads(l) for l in open('/tmp/emb/texts.txt')]
refs=json.load(open('/work/shared/eval/summarization/references.json'))
docs=collections.OrderedDict()
for i,m in enumerate(meta):
    if m['set']=='summ': docs.setdefault(m['id'],[]).append(i)
def tok(s): return [t for t in re.split(r'[^a-z0-9]+', s.lower()) if t]
def ngrams(t,n): return collections.Counter(tuple(t[i:i+n]) for i in range(len(t)-n+1))
def f1(o,p,r): 
    if p==0 or r==0 or o==0: return 0.0
    P=o/p; R=o/r; return 2*P*R/(P+R)
def rn(c,r,n):
    a=ngrams(tok(' '.join(c)),n); b=ngrams(tok(' '.join(r)),n)
    return f1(sum((a&b).values()), sum(a.values()), sum(b.values()))
def lcs_table(a,b):
    T=[[0]*(len(b)+1) for _ in range(len(a)+1)]
    for i in range(len(a)):
        for j in range(len(b)):
            T[i+1][j+1]=T[i][j]+1 if a[i]==b[j] else max(T[i][j+1],T[i+1][j])
    # backtrack
    i,j=len(a),len(b); hits=set()
    while i>0 and j>0:
        if a[i-1]==b[j-1]: hits.add(i-1); i-=1; j-=1
        elif T[i-1][j]>=T[i][j-1]: i-=1
        else: j-=1
    return hits
def rlsum(c,r):
    ct=[tok(s) for s in c]; rt=[tok(s) for s in r]
    ccount=collections.Counter(t for s in ct for t in s); rcount=collections.Counter(t for s in rt for t in s)
    hits=0
    for rs in rt:
        u=set()
        for cs in ct:
            for k in lcs_table(rs,cs): u.add(k)
        for k in sorted(u):
            t=rs[k]
            if ccount[t]>0 and rcount[t]>0: hits+=1; ccount[t]-=1; rcount[t]-=1
    return f1(hits, sum(len(s) for s in ct), sum(len(s) for s in rt))
def score(select):
    R1=R2=RL=0; W=0
    for d,ix in docs.items():
        sents=[texts[i] for i in ix]
        chosen=select(d, ix, sents)
        c=[sents[i] for i in sorted(chosen)]; r=refs[d]['highlights']
        R1+=rn(c,r,1); R2+=rn(c,r,2); RL+=rlsum(c,r); W+=len(tok(' '.join(c)))
    n=len(docs); return round(100*R1/n,2), round(100*R2/n,2), round(100*RL/n,2), round(W/n,1)
def lead(k): return lambda d,ix,s: list(range(min(k,len(s))))
def pacsum(lam1=-2.0, lam2=1.0, beta=0.6, k=3, maxw=80, mmr=0.0, minw=5, cand=40, title_w=0.0, pos_decay=0.0):
    def sel(d,ix,s):
        n=min(len(ix),cand); V=X[ix[:n]]
        S=V@V.T
        np.fill_diagonal(S,0)
        off=S[~np.eye(n,dtype=bool)] if n>1 else np.array([0])
        thr=off.min()+beta*(off.max()-off.min())
        E=np.where(S>thr, S-thr, 0)
        fwd=np.triu(E,1).sum(1); bwd=np.tril(E,-1).sum(1)
        c=lam1*bwd*0+ lam2*fwd + lam1*bwd  # PACSUM: lam1 on edges to previous? (paper: lam1 forward, lam2 backward)
        c=c - pos_decay*np.arange(n)
        words=np.array([len(tok(x)) for x in s[:n]])
        order=list(np.argsort(-c)); chosen=[]; tot=0
        for i in order:
            if words[i]<minw: continue
            if chosen and mmr>0 and max(V[i]@V[j] for j in chosen)>mmr: continue
            if chosen and tot+words[i]>maxw: continue
            chosen.append(i); tot+=words[i]
            if len(chosen)>=k: break
        return chosen
    return sel
if __name__=='__main__':
    print('lead3', score(lead(3)))
    print('lead2', score(lead(2)))
    for cfg in eval(sys.argv[1]): print(cfg, score(pacsum(**cfg)))

# ---- summ2.py ----
exec(open('summ.py').read().split("if __name__")[0])
ids=list(docs.keys()); rng=np.random.RandomState(3); perm=rng.permutation(len(ids)); K=5
foldof={ids[p]:i%K for i,p in enumerate(perm)}
titles={}
for i,m in enumerate(meta):
    if m['set']=='summ': titles[m['id']]=m['title']
def feats(d, ix):
    n=len(ix); V=X[ix]; S=V@V.T; np.fill_diagonal(S,0)
    cen=V.mean(0); cen/=np.linalg.norm(cen)+1e-9
    words=np.array([len(tok(texts[i])) for i in ix])
    F=[]
    for j in range(n):
        pos=np.zeros(8); pos[min(j,7)]=1
        f=np.concatenate([pos,[j/n, np.log1p(j), V[j]@cen, S[j].mean() if n>1 else 0, S[j,:j].mean() if j>0 else 0, S[j,j+1:].mean() if j<n-1 else 0, np.log1p(words[j]), words[j]<8], V[j]])
        F.append(f)
    return np.array(F), words
def target(d, ix):
    r=refs[d]['highlights']; rt=collections.Counter(tok(' '.join(r)))
    out=[]
    for i in ix:
        t=collections.Counter(tok(texts[i]))
        o=sum((t&rt).values()); out.append(o/max(1,sum(rt.values())) )  # recall contribution
    return np.array(out)
FE={d:feats(d,ix) for d,ix in docs.items()}; TG={d:target(d,ix) for d,ix in docs.items()}
def fitridge(F,y,lam):
    mu=F.mean(0); sd=F.std(0)+1e-6; Z=(F-mu)/sd
    Za=np.hstack([Z,np.ones((len(Z),1))]); A=Za.T@Za+lam*np.eye(Za.shape[1]); A[-1,-1]-=lam
    th=np.linalg.solve(A,Za.T@y); return lambda G: ((G-mu)/sd)@th[:-1]+th[-1]
def cvsel(lam, k=3, maxw=75, minw=6, use_emb=True, mmr=0.9, wordpen=0.0):
    models={}
    for f in range(K):
        tr=[d for d in ids if foldof[d]!=f]
        F=np.concatenate([FE[d][0] for d in tr]); y=np.concatenate([TG[d] for d in tr])
        if not use_emb: F=F[:,:16]
        models[f]=fitridge(F,y,lam)
    def sel(d,ix,s):
        F,words=FE[d]; 
        if not use_emb: F=F[:,:16]
        sc=models[foldof[d]](F) - wordpen*words
        V=X[ix]; order=np.argsort(-sc); chosen=[]; tot=0
        for i in order:
            if words[i]<minw: continue
            if chosen and max(V[i]@V[j] for j in chosen)>mmr: continue
            if chosen and tot+words[i]>maxw: continue
            chosen.append(i); tot+=words[i]
            if len(chosen)>=k: break
        return chosen
    return sel
import sys
for cfg in eval(sys.argv[1]): print(cfg, score(cvsel(**cfg)))

# ---- summ3.py ----
exec(open('summ2.py').read().split("import sys")[0])
def oracle(d, ix, k=3):
    r=refs[d]['highlights']; s=[texts[i] for i in ix]; chosen=[]; best=0
    for _ in range(k):
        cand=None
        for j in range(len(s)):
            if j in chosen: continue
            c=[s[t] for t in sorted(chosen+[j])]
            v=rn(c,r,1)+rn(c,r,2)
            if v>best: best=v; cand=j
        if cand is None: break
        chosen.append(cand)
    y=np.zeros(len(s)); y[chosen]=1; return y
def f1t(d,ix):
    r=refs[d]['highlights']; return np.array([rn([texts[i]],r,1)+rn([texts[i]],r,2) for i in ix])
import sys
mode=sys.argv[2]
TG={d:(oracle(d,ix) if mode=='oracle' else f1t(d,ix)) for d,ix in docs.items()}
print('oracle-ub' if mode=='oracle' else '', score(lambda d,ix,s: list(np.where(TG[d]>0)[0])) if mode=='oracle' else '')
for cfg in eval(sys.argv[1]): print(cfg, score(cvsel(**cfg)))

# ---- summ5.py ----
_s3=open('summ3.py').read(); exec(_s3[:_s3.rindex("import sys")])
import sys
TG={d:f1t(d,ix) for d,ix in docs.items()}
def cvlead(lam=3000.0, cand=6, k=3, red=0.85, minw=5, maxw=80, use_emb=True, prior=0.0):
    models={}
    for f in range(K):
        tr=[d for d in ids if foldof[d]!=f]
        F=np.concatenate([FE[d][0][:cand] for d in tr]); y=np.concatenate([TG[d][:cand] for d in tr])
        if not use_emb: F=F[:,:16]
        models[f]=fitridge(F,y,lam)
    def sel(d,ix,s):
        F,words=FE[d]; F=F[:cand]
        if not use_emb: F=F[:,:16]
        sc=models[foldof[d]](F) - prior*np.arange(len(F))
        V=X[ix]; chosen=[]; tot=0
        for i in np.argsort(-sc):
            if words[i]<minw: continue
            if chosen and max(V[i]@V[j] for j in chosen)>red: continue
            if chosen and tot+words[i]>maxw: continue
            chosen.append(i); tot+=words[i]
            if len(chosen)>=k: break
        return chosen
    return sel
for cfg in eval(sys.argv[1]): print(cfg, score(cvlead(**cfg)))

# ---- summ6.py ----
exec(open('summ.py').read().split("if __name__")[0])
def blend(alpha=1.0, k=3, red=0.85, minw=5, maxw=80, cand=8, titlew=0.0):
    def sel(d,ix,s):
        n=min(len(ix),cand); V=X[ix]; Vn=V[:n]
        cen=V.mean(0); cen/=np.linalg.norm(cen)
        c=Vn@cen
        sc=-np.log1p(np.arange(n)) + alpha*(c-c.mean())/(c.std()+1e-6)
        words=[len(tok(x)) for x in s[:n]]; chosen=[]; tot=0
        for i in np.argsort(-sc):
            if words[i]<minw: continue
            if chosen and max(V[i]@V[j] for j in chosen)>red: continue
            if chosen and tot+words[i]>maxw: continue
            chosen.append(i); tot+=words[i]
            if len(chosen)>=k: break
        return chosen
    return sel
import sys
for cfg in eval(sys.argv[1]): print(cfg, score(blend(**cfg)))

# ---- summ4.py ----
exec(open('summ.py').read().split("if __name__")[0])
def smartlead(k=3, red=0.85, minw=5, maxw=1000, cand=6):
    def sel(d,ix,s):
        V=X[ix]; chosen=[]; tot=0
        for j in range(min(len(s),cand)):
            w=len(tok(s[j]))
            if w<minw: continue
            if chosen and max(V[j]@V[c] for c in chosen)>red: continue
            if chosen and tot+w>maxw: continue
            chosen.append(j); tot+=w
            if len(chosen)>=k: break
        return chosen
    return sel
import sys
for cfg in eval(sys.argv[1]): print(cfg, score(smartlead(**cfg)))
