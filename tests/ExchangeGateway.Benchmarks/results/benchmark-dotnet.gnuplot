$d1024_direct << EOD
1 8540.119 0.214
16 30306.257 1.808
64 33078.293 6.114
EOD
$d1024_proxy_pair << EOD
1 2721.614 0.571
16 7852.725 4.803
64 6856.491 20.802
EOD
$d1024_gateway_pair << EOD
1 156.819 12.496
16 1105.277 31.591
64 2129.164 49.954
EOD
$d65536_direct << EOD
1 1429.561 1.559
16 2744.583 10.111
64 2681.815 38.984
EOD
$d65536_proxy_pair << EOD
1 674.351 4.685
16 1215.878 24.32
64 1222.374 117.388
EOD
$d65536_gateway_pair << EOD
1 106.394 21.49
16 481.184 51.691
64 614.082 155.492
EOD
$d1048576_direct << EOD
1 110.693 18.732
16 141.98 211.284
64 164.193 702.207
EOD
$d1048576_proxy_pair << EOD
1 55.622 42.961
16 110.625 213.427
64 67.153 1407.163
EOD
$d1048576_gateway_pair << EOD
1 25.329 83.26
16 52.269 576.746
64 27.321 2756.212
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output 'tests/ExchangeGateway.Benchmarks/results/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
